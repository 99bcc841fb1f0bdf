"""``studyreader translate`` and ``studyreader models`` from the command line."""

from __future__ import annotations

import json

import pytest

from studyreader.cli import main
from studyreader.translate.segment import segment_markdown

NOTES = "# 笔记\n\n今天学习 `OP Stack`。\n\n```\nkeep me\n```\n\n- 排序器。\n"


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_translate_json_shape(use_tiny_argos, notes, capsys):
    code, out, err = _run(capsys, "translate", str(notes), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"blocks", "stats"}
    assert set(data["stats"]) == {"sentences", "cache_hits", "model_calls", "seconds"}
    blocks = segment_markdown(NOTES)
    assert [b["source"] for b in data["blocks"]] == [b.source for b in blocks]
    assert [b["line"] for b in data["blocks"]] == [b.start_line for b in blocks]
    assert all({"source", "translation", "line"} <= set(b) for b in data["blocks"])
    assert data["blocks"][2]["translation"] == "```\nkeep me\n```"
    assert "`OP Stack`" in data["blocks"][1]["translation"]
    assert data["stats"]["sentences"] == 3 and data["stats"]["model_calls"] >= 3
    # the cache is used by the next run
    code, out, _ = _run(capsys, "translate", str(notes), "--json")
    stats = json.loads(out)["stats"]
    assert stats["model_calls"] == 0 and stats["cache_hits"] == 3


def test_translate_json_lists_each_sentence_with_its_english(use_tiny_argos, tmp_path, capsys):
    path = tmp_path / "notes.md"
    path.write_text("今天学习 `OP Stack`。排序器\n负责排序。\n\n```\n代码\n```\n", encoding="utf-8")
    code, out, err = _run(capsys, "translate", str(path), "--json")
    assert code == 0, err
    paragraph, fence = json.loads(out)["blocks"]
    assert fence["sentences"] == []
    sentences = paragraph["sentences"]
    assert [set(s) for s in sentences] == [{"source", "target", "zh", "en"}] * 2
    assert [s["zh"] for s in sentences] == ["今天学习 `OP Stack`。", "排序器\n负责排序。"]
    end = 0
    for s in sentences:
        (start, stop), (en_start, en_stop) = s["source"], s["target"]
        assert paragraph["source"][start:stop] == s["zh"]
        assert paragraph["translation"][en_start:en_stop] == s["en"] and s["en"]
        assert end <= en_start
        end = en_stop
    assert "`OP Stack`" in sentences[0]["en"]


def test_translate_prints_english_markdown(tiny_argos_package, notes, capsys):
    code, out, err = _run(capsys, "translate", str(notes), "--packages-dir", str(tiny_argos_package.packages_dir))
    assert code == 0, err
    assert out.count("\n\n") == NOTES.count("\n\n")
    assert "```\nkeep me\n```" in out
    assert out.startswith("# ") and "\n- " in out
    assert "今天" not in out.split("```")[0]


def test_translate_refusals(tmp_path, capsys, notes):
    code, _, err = _run(capsys, "translate", str(tmp_path / "absent.md"))
    assert code != 0 and "absent.md" in err and err.startswith("studyreader: ")
    binary = tmp_path / "bad.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = _run(capsys, "translate", str(binary))
    assert code != 0 and "bad.md" in err
    empty = tmp_path / "pk"
    empty.mkdir()
    code, out, err = _run(capsys, "translate", str(notes), "--packages-dir", str(empty))
    assert code == 1
    assert "studyreader models install" in err and "Traceback" not in err
    assert out == ""


def test_models_list_install_json(tiny_argos_package, tmp_path, capsys):
    target = tmp_path / "pk"
    code, out, _ = _run(capsys, "models", "--packages-dir", str(target), "list")
    assert code == 0 and "studyreader models install" in out
    code, out, err = _run(capsys, "models", "--packages-dir", str(target), "install", str(tiny_argos_package.archive))
    assert code == 0, err
    assert "translate-zh_en" in out
    code, out, _ = _run(capsys, "models", "--packages-dir", str(target), "list", "--json")
    data = json.loads(out)
    assert data["packages_dir"] == str(target)
    [pkg] = data["packages"]
    assert (pkg["code"], pkg["version"], pkg["from_code"], pkg["to_code"]) == ("translate-zh_en", "0.0.1", "zh", "en")
    assert pkg["size"] > 0 and pkg["path"].startswith(str(target))
    code, out, _ = _run(capsys, "models", "--packages-dir", str(target), "list")
    assert "translate-zh_en" in out and "0.0.1" in out and str(target) in out


def test_models_install_refuses_bad_archive(tmp_path, capsys):
    junk = tmp_path / "junk.argosmodel"
    junk.write_text("nope")
    code, out, err = _run(capsys, "models", "--packages-dir", str(tmp_path / "pk"), "install", str(junk))
    assert code == 2
    assert "junk.argosmodel" in err and "not a zip" in err and "Traceback" not in err


def test_models_download_offline(tmp_path, capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/index.json"
    code, out, err = _run(
        capsys, "models", "--packages-dir", str(tmp_path / "pk"), "download", "--index-url", url, "--timeout", "5"
    )
    assert code == 2
    assert url in err and "Traceback" not in err


def test_models_needs_an_action(capsys):
    with pytest.raises(SystemExit) as info:
        main(["models"])
    assert info.value.code == 2


def test_translate_uses_the_glossary_unless_told_not_to(use_tiny_argos, tmp_path, capsys):
    pytest.importorskip("studyreader.glossary")
    notes = tmp_path / "g.md"
    notes.write_text("排序器负责排序。\n", encoding="utf-8")
    code, out, _ = _run(capsys, "translate", str(notes), "--json")
    assert code == 0
    assert "Sequencer" in json.loads(out)["blocks"][0]["translation"]
    code, out, _ = _run(capsys, "translate", str(notes), "--json", "--no-glossary")
    assert code == 0
    assert "Sequencer" not in json.loads(out)["blocks"][0]["translation"]


def test_download_progress_bar_on_a_terminal():
    import io

    from studyreader.translate.cli import _ProgressBar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = _ProgressBar(stream)
    for done in (0, 250_000, 500_000, 1_000_000):
        bar(done, 1_000_000)
    bar.close()
    out = stream.getvalue()
    assert out.count("\r") == 4 and out.endswith("\n")
    assert "100%" in out and "[" + "#" * 30 + "]" in out and " 25%" in out

    quiet = io.StringIO()  # not a terminal: no bar in logs
    bar = _ProgressBar(quiet)
    bar(5, 10)
    bar.close()
    assert quiet.getvalue() == ""
