"""Local images: only regular files inside the notes folder, SVGs without outside references, sizes capped."""

from __future__ import annotations

import os
import re
import threading

import pytest

from studyreader.render import images
from studyreader.render.markup import link_references, render_markdown

PNG = b"\x89PNG\r\n\x1a\n"


def test_local_image_path_refuses_escapes_and_non_images(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "sub").mkdir()
    assert images.local_image_path("a.png", tmp_path) == (tmp_path / "a.png").resolve()
    assert images.local_image_path((tmp_path / "a.png").as_uri(), tmp_path) == (tmp_path / "a.png").resolve()
    assert images.local_image_path("notes.md", tmp_path) is None
    assert images.local_image_path("../a.png", tmp_path / "sub") is None
    assert images.local_image_path("sub/../a.png", tmp_path) is None  # no "..", even when it stays inside
    assert images.local_image_path("https://x.org/a.png", tmp_path) is None
    assert images.local_image_path("file://otherhost/a.png", tmp_path) is None
    assert images.local_image_path("a.png", None) is None


def test_symlinks_out_of_the_folder_and_special_files_are_refused(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    (notes / "inside.png").write_bytes(PNG)
    (notes / "out.png").symlink_to(outside)
    (notes / "in.png").symlink_to(notes / "inside.png")
    (notes / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(notes / "fifo.png")
    (notes / "folder.png").mkdir()
    assert images.local_image_path("out.png", notes) is None
    assert images.local_image_path(str(outside), notes) is None
    assert images.local_image_path("in.png", notes) == (notes / "inside.png").resolve()
    for name in ("zero.png", "fifo.png", "folder.png", "/dev/stdin", "/dev/zero"):
        assert images.local_image_path(name, notes) is None, name
        assert images.read_local_image(name, notes) is None, name
    assert images.read_local_image("inside.png", notes) == PNG


def test_a_fifo_is_never_opened_for_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.png")
    result: list = []
    worker = threading.Thread(target=lambda: result.append(images.read_local_image("pipe.png", tmp_path)))
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive() and result == [None]


def test_oversized_files_are_refused(tmp_path):
    big = tmp_path / "big.png"
    with open(big, "wb") as handle:
        handle.truncate(images.MAX_IMAGE_BYTES + 1)
    assert images.local_image_path("big.png", tmp_path) is None


SVG_SELF_CONTAINED = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="10">'
    b'<defs><rect id="r" width="5" height="5"/></defs><use xlink:href="#r"/>'
    b'<rect width="20" height="10" fill="url(#g)"/></svg>'
)


@pytest.mark.parametrize("body", [
    b'<image xlink:href="/abs/outside.png" width="10" height="10"/>',
    b'<image href="/dev/stdin" width="10" height="10"/>',
    b"<image xlink:href='file:///etc/passwd'/>",
    b'<image href = "outside.png"/>',
    b'<rect style="fill: url(/abs/pattern.svg#p)"/>',
    b'<style>@import "https://evil.example/x.css";</style>',
])
def test_svgs_with_outside_references_are_refused(tmp_path, body):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' + body + b"</svg>"
    (tmp_path / "a.svg").write_bytes(svg)
    assert not images.svg_is_self_contained(svg)
    assert images.read_local_image("a.svg", tmp_path) is None


def test_svgs_with_entities_are_refused_and_self_contained_ones_load(tmp_path):
    entity = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "/etc/passwd">]><svg>&x;</svg>'
    assert not images.svg_is_self_contained(entity)
    (tmp_path / "ok.svg").write_bytes(SVG_SELF_CONTAINED)
    assert images.svg_is_self_contained(SVG_SELF_CONTAINED)
    assert images.read_local_image("ok.svg", tmp_path) == SVG_SELF_CONTAINED


def test_capped_size_keeps_the_shape():
    assert images.capped_size(99_999_999, 10) == (images.MAX_IMAGE_SIDE, 1)
    assert images.capped_size(100, 50) == (100, 50)
    assert images.capped_size(1280, 2560) == (images.MAX_IMAGE_SIDE // 2, images.MAX_IMAGE_SIDE)
    assert images.capped_size(0, 10) == (0, 0)


def test_huge_width_and_height_attributes_are_dropped(tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    html = render_markdown('<img src="a.png" width="99999999" height="99999999"> <img src="a.png" width="200">',
                           tmp_path)
    tags = re.findall(r"<img [^>]*>", html)
    assert len(tags) == 2
    assert "99999999" not in html
    assert 'width="200"' in tags[1]
    assert 'width="' not in render_markdown('<img src="a.png" width="1200">', tmp_path)


def test_reference_style_links_and_images_render_in_a_block_of_their_own(tmp_path):
    (tmp_path / "pic.png").write_bytes(PNG)
    blocks = ["看 [文档][docs] 和 ![图][pic]。", "另一段 [Docs] 也行。",
              "[docs]: https://docs.optimism.io/ \"标题\"\n[pic]: pic.png"]
    references = link_references(blocks)
    assert set(references) == {"docs", "pic"}
    first = render_markdown(blocks[0], tmp_path, references=references)
    assert '<a href="https://docs.optimism.io/"' in first and ">文档</a>" in first
    assert f'<img src="{(tmp_path / "pic.png").resolve().as_uri()}"' in first
    assert '<a href="https://docs.optimism.io/"' in render_markdown(blocks[1], tmp_path, references=references)
    assert "[docs]:" not in render_markdown(blocks[0], tmp_path, references=references)
    # without the file's definitions the block shows its brackets
    assert "[文档][docs]" in render_markdown(blocks[0], tmp_path)
