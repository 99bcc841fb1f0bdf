"""The settings table and its file, without Qt: declared keys only, checked values, a file kept whole."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyreader import inifile, options
from studyreader.options import OPTIONS, SettingsError, SettingsStore
from tests.support.cli_child import run_cli


@pytest.fixture
def store(tmp_path):
    return SettingsStore(tmp_path / "settings.ini")


def test_every_declaration_reads_its_default_from_an_empty_file(store):
    for key, declared in OPTIONS.items():
        assert declared.key == key
        assert store.get(key) == declared.default, key


def test_every_default_can_be_written_and_read_back(store, tmp_path):
    for key, declared in OPTIONS.items():
        if declared.default is not None:
            store.set(key, declared.default)
    again = SettingsStore(tmp_path / "settings.ini")
    for key, declared in OPTIONS.items():
        assert again.get(key) == declared.default, key


def test_undeclared_keys_are_refused_by_name(store):
    for call in (lambda: store.get("study/taget_minutes"), lambda: store.set("study/taget_minutes", 5),
                 lambda: store.remove("study/taget_minutes")):
        with pytest.raises(KeyError, match="study/taget_minutes"):
            call()


def test_values_persist_with_their_types(store, tmp_path):
    store.set(options.THEME.key, "dark")
    store.set(options.REMINDER_ENABLED.key, False)
    store.set(options.REMINDER_TIME.key, dt.time(21, 15))
    store.set(options.REMINDER_LAST.key, dt.date(2025, 1, 6))
    store.set(options.FOCUS_MINUTES.key, 25)
    store.set(options.GEOMETRY.key, b"\x00\x01\xffgeo")
    store.set(options.RECENT_FILES.key, ["/a, b.md", "@odd", ' q"uote\\ '])
    store.set(options.LAST_FILE.key, "/home/李/学习笔记; v=2.md")
    again = SettingsStore(tmp_path / "settings.ini")
    assert again.get(options.THEME.key) == "dark"
    assert again.get(options.REMINDER_ENABLED.key) is False
    assert again.get(options.REMINDER_TIME.key) == dt.time(21, 15)
    assert again.get(options.REMINDER_LAST.key) == dt.date(2025, 1, 6)
    assert again.get(options.FOCUS_MINUTES.key) == 25
    assert again.get(options.GEOMETRY.key) == b"\x00\x01\xffgeo"
    assert again.get(options.RECENT_FILES.key) == ["/a, b.md", "@odd", ' q"uote\\ ']
    assert again.get(options.LAST_FILE.key) == "/home/李/学习笔记; v=2.md"


def test_binary_values_are_stored_as_base64_text(store):
    store.set(options.GEOMETRY.key, b"\x00\x01\xffgeo")
    assert store.path.read_text(encoding="utf-8") == "[window]\ngeometry=AAH/Z2Vv\n"


def test_written_values_are_clamped_or_refused(store):
    store.set(options.TARGET_MINUTES.key, 5)
    assert store.get(options.TARGET_MINUTES.key) == options.TARGET_MINUTES.minimum
    store.set(options.DAILY_GOAL.key, 10_000)
    assert store.get(options.DAILY_GOAL.key) == options.DAILY_GOAL.maximum
    with pytest.raises(ValueError, match="ui/theme"):
        store.set(options.THEME.key, "neon")
    with pytest.raises(TypeError, match="study/focus_minutes"):
        store.set(options.FOCUS_MINUTES.key, "25")
    with pytest.raises(TypeError, match="window/geometry"):
        store.set(options.GEOMETRY.key, "not bytes")
    recent = [f"/notes/{n}.md" for n in range(30)]
    store.set(options.RECENT_FILES.key, recent)
    assert store.get(options.RECENT_FILES.key) == recent[: options.RECENT_FILES.max_items]


def test_hand_edited_garbage_reads_as_the_defaults(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text(
        "; a comment\n[ui]\nlanguage=klingon\ntheme = neon\n"
        "[study]\nreminder_enabled=perhaps\nreminder_time=25:99\nreminder_last=yesterday\n"
        "daily_goal_minutes=lots\ntarget_minutes=100000\nfocus_minutes=@Variant(\\0\\0)\n"
        "[window]\ngeometry=not base64!\n[reader]\nzoom=99\nmode=sideways\n",
        encoding="utf-8",
    )
    store = SettingsStore(path)
    for declared in (options.LANGUAGE, options.THEME, options.REMINDER_ENABLED, options.REMINDER_TIME,
                     options.REMINDER_LAST, options.DAILY_GOAL, options.TARGET_MINUTES, options.FOCUS_MINUTES,
                     options.GEOMETRY, options.READER_ZOOM, options.READER_MODE):
        assert store.get(declared.key) == declared.default, declared.key
    assert store.get(options.READER_ZOOM.key, 3) == 3  # the caller's fallback instead of the declared one


def test_a_file_changed_by_another_process_keeps_its_values(store, tmp_path):
    store.set(options.THEME.key, "dark")
    other = SettingsStore(tmp_path / "settings.ini")
    other.set(options.DAILY_GOAL.key, 45)
    store.set(options.LANGUAGE.key, "en")  # must not drop the goal the other store wrote
    again = SettingsStore(tmp_path / "settings.ini")
    assert (again.get(options.THEME.key), again.get(options.DAILY_GOAL.key), again.get(options.LANGUAGE.key)) == (
        "dark", 45, "en",
    )


def test_unknown_keys_in_the_file_are_kept(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nold=1\n[future]\nthing=\"a, b\"\n[ui]\ntheme=light\n", encoding="utf-8")
    store = SettingsStore(path)
    assert sorted(store.keys()) == ["future/thing", "old", "ui/theme"]
    store.set(options.THEME.key, "dark")
    text = path.read_text(encoding="utf-8")
    assert "[General]\nold=1\n" in text and '[future]\nthing="a, b"\n' in text
    assert SettingsStore(path).get(options.THEME.key) == "dark"


def test_set_and_remove_say_whether_anything_changed(store):
    assert store.set(options.THEME.key, "dark") is True
    assert store.set(options.THEME.key, "dark") is False
    assert store.remove(options.THEME.key) is True
    assert store.remove(options.THEME.key) is False
    assert store.get(options.THEME.key) == "system"


def test_the_write_replaces_the_file_whole(store):
    store.set(options.THEME.key, "dark")
    store.set(options.LANGUAGE.key, "en")
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.ini"]  # no temporary file left behind
    assert store.path.read_text(encoding="utf-8") == "[ui]\nlanguage=en\ntheme=dark\n"


def test_a_file_that_cannot_be_written_is_named_and_the_value_holds(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    store = SettingsStore(blocker / "settings.ini")
    with pytest.raises(SettingsError, match="not-a-folder/settings.ini"):
        store.set(options.THEME.key, "dark")
    assert store.get(options.THEME.key) == "dark"


def test_a_file_that_cannot_be_read_leaves_the_defaults_and_says_why(tmp_path):
    path = tmp_path / "settings.ini"
    path.mkdir()
    store = SettingsStore(path)
    assert store.get(options.THEME.key) == "system"
    assert str(path) in str(store.problem)


_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(_texts)
def test_any_string_survives_the_file(text):
    assert inifile.decode_value(inifile.encode_value(text)) == text


@given(st.lists(_texts, min_size=2, max_size=5))
def test_any_list_of_strings_survives_the_file(items):
    assert inifile.decode_value(inifile.encode_value(items)) == items


@given(st.dictionaries(st.sampled_from(sorted(OPTIONS)), _texts, max_size=6))
def test_any_file_text_survives_parse_and_dump(values):
    entries = {key: inifile.encode_value(value) for key, value in values.items()}
    assert inifile.parse(inifile.dump(entries)) == entries


def test_stats_reads_the_settings_without_importing_qt(isolated_user_dirs, tmp_path):
    SettingsStore().set(options.DAILY_GOAL.key, 45)
    result, modules = run_cli(["stats", "--json", "--days", "1"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["goal_minutes"] == 45
    assert "studyreader.options" in modules
    assert not [name for name in modules if name.startswith(("PySide6", "shiboken6", "studyreader.ui"))]


def test_programme_overrides_are_checked_and_kept_per_file(store, tmp_path):
    key = options.PROGRAMME_OVERRIDES.key
    entered = {"start": "2025-01-06", "end": "2025-02-02", "allowance": 1, "generation": "older",
               "timezone": "UTC+8"}
    store.set(key, {"/notes/张三.md": entered})
    kept = SettingsStore(tmp_path / "settings.ini").get(key)["/notes/张三.md"]
    assert {name: kept[name] for name in entered} == entered
    for bad, named in (({"start": "6 Jan"}, "start"), ({"allowance": -1}, "allowance"),
                       ({"generation": "newest"}, "generation"), ({"timezone": "Mars/Base"}, "timezone")):
        with pytest.raises(ValueError, match=named):
            store.set(key, {"/notes/a.md": bad})
    assert SettingsStore(tmp_path / "settings.ini").get(key)["/notes/张三.md"]["allowance"] == 1  # nothing written
    # A hand-edited entry that does not read is left out; the others stay.
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    (tmp_path / "settings.ini").write_text(text.replace("}}", '}, \\"/b.md\\": {\\"start\\": \\"soon\\"}}'),
                                           encoding="utf-8")
    again = SettingsStore(tmp_path / "settings.ini").get(key)
    assert list(again) == ["/notes/张三.md"]
