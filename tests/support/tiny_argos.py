"""Build a tiny but real Argos Translate zh→en package, in well under a second, without torch.

The package is what Argos and CTranslate2 load in production: a SentencePiece model trained on
generated lines and a CTranslate2 Transformer (1 encoder layer, 1 decoder layer, width 32) with
random weights, saved through a ``ctranslate2.converters.Converter``. Its English is gibberish, so
the tests built on it check structure, preservation, caching and plumbing, never wording.

Used by ``tests/conftest.py`` (session fixture ``tiny_argos_package``) and by
``benchmarks/translate_bench.py``.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

WIDTH = 32
FFN = 64
HEADS = 2
PACKAGE_CODE = "translate-zh_en"
FOLDER_NAME = "translate-zh_en-tiny"

_ZH_WORDS = (
    "我们 今天 学习 以太坊 乐观 汇总 排序器 验证者 交易 区块 链上 链下 数据 可用性 欺诈 证明 挑战 期 "
    "提交 批次 治理 代币 网络 节点 合约 部署 桥接 存款 取款 费用 安全 扩容 方案 执行 层 共识 结算 "
    "用户 开发者 状态 根 输出 提案 争议 游戏 故障 质询 预言机 超级 链 互操作 消息 跨链 标准 模块 "
    "的 是 在 和 了 把 被 与 或 不 也 都 就 这 那 一个 什么 为什么 如何 可以 需要 通过 进行"
).split()
_EN_WORDS = (
    "the of and to is in a that for on with as by it this rollup chain block data proof "
    "sequencer bridge token layer network state fault dispute game user deposit withdraw fee "
    "OP Stack L1 L2 EIP-4844 Ethereum Optimism"
).split()
_PUNCT = ("。", "！", "？", "；", "，", "")


def training_lines(count: int = 300, seed: int = 7) -> list[str]:
    """Generated Chinese and English lines for the SentencePiece vocabulary."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        lines.append("".join(rng.choice(_ZH_WORDS) for _ in range(rng.randint(3, 12))) + rng.choice(_PUNCT))
        lines.append(" ".join(rng.choice(_EN_WORDS) for _ in range(rng.randint(2, 9))) + ".")
    return lines


def sample_sentences(count: int = 500, seed: int = 11) -> list[str]:
    """Short Chinese sentences for benchmarks (pure Chinese: nothing to protect)."""
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ZH_WORDS) for _ in range(rng.randint(4, 10))) + rng.choice("。！？")
        for _ in range(count)
    ]


def _train_sentencepiece(lines: list[str]) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=300,
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return model.getvalue()


def _build_spec(vocabulary: list[str], seed: int):
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)

    def weights(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    def linear(spec, out_dim: int, in_dim: int) -> None:
        spec.weight = weights(out_dim, in_dim)
        spec.bias = np.zeros(out_dim, dtype=np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(WIDTH, dtype=np.float32)
        spec.beta = np.zeros(WIDTH, dtype=np.float32)

    def ffn(spec) -> None:
        norm(spec.layer_norm)
        linear(spec.linear_0, FFN, WIDTH)
        linear(spec.linear_1, WIDTH, FFN)

    size = len(vocabulary)
    spec = transformer_spec.TransformerSpec.from_config((1, 1), HEADS)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = weights(size, WIDTH)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * WIDTH, WIDTH)  # fused query/key/value
        linear(layer.self_attention.linear[1], WIDTH, WIDTH)
        ffn(layer.ffn)
    decoder.embeddings.weight = weights(size, WIDTH)
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * WIDTH, WIDTH)
        linear(layer.self_attention.linear[1], WIDTH, WIDTH)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], WIDTH, WIDTH)  # query
        linear(layer.attention.linear[1], 2 * WIDTH, WIDTH)  # fused key/value from the encoder
        linear(layer.attention.linear[2], WIDTH, WIDTH)
        ffn(layer.ffn)
    linear(decoder.projection, size, WIDTH)
    # A small positive bias on </s> keeps the random model's outputs short.
    decoder.projection.bias[vocabulary.index("</s>")] = 2.5
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _save_model(spec, output_dir: Path) -> None:
    from ctranslate2.converters import Converter

    class _SpecConverter(Converter):
        def _load(self):
            return spec

    _SpecConverter().convert(str(output_dir), force=True)


def metadata(version: str = "0.0.1", from_code: str = "zh", to_code: str = "en", **extra) -> dict:
    meta = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": "Chinese",
        "to_code": to_code,
        "to_name": "English",
        "type": "translate",
        "code": PACKAGE_CODE,
    }
    meta.update(extra)
    return meta


def build_package_dir(
    parent: Path,
    *,
    folder: str = FOLDER_NAME,
    version: str = "0.0.1",
    seed: int = 3,
    minisbd: bool = False,
) -> Path:
    """Write the package folder (metadata.json, sentencepiece.model, model/) under ``parent``."""
    root = Path(parent) / folder
    root.mkdir(parents=True, exist_ok=True)
    sp_model = _train_sentencepiece(training_lines())
    (root / "sentencepiece.model").write_bytes(sp_model)
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    _save_model(_build_spec(vocabulary, seed), root / "model")
    (root / "metadata.json").write_text(json.dumps(metadata(version), indent=2), encoding="utf-8")
    if minisbd:
        write_minisbd_model(root / "minisbd" / "zh-tiny.onnx")
    return root


def zip_package(package_dir: Path, archive: Path) -> Path:
    """Zip a package folder as an ``.argosmodel``: one top-level folder holding everything."""
    package_dir = Path(package_dir)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, Path(package_dir.name) / path.relative_to(package_dir))
    return archive


def build_archive(archive: Path, **kwargs) -> Path:
    """Build the package and zip it to ``archive`` (a ``.argosmodel`` path)."""
    with tempfile.TemporaryDirectory() as scratch:
        package_dir = build_package_dir(Path(scratch), **kwargs)
        return zip_package(package_dir, Path(archive))


def write_minisbd_model(path: Path) -> Path:
    """A minimal MiniSBD ONNX splitter so that Argos's own ``translate()`` runs offline.

    Needs the ``onnx`` package (benchmark-only dependency). See ``minisbd.inference``: the graph takes
    ``input_ids`` (int64, [batch, seq]) and returns ``logits`` ([batch, seq, 2]); class 1 marks a sentence
    end. This one ends sentences after 。！？； — the rule StudyReader's own splitter applies.
    """
    import onnx
    from onnx import TensorProto, helper

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Characters get id 1 (<UNK>) except the sentence enders, ids 2..5. Every character ends a token
    # (class 1); an ender also ends a sentence (class 2): the same rule StudyReader's splitter uses.
    enders = ["。", "！", "？", "；"]
    token_end = helper.make_tensor("token_end", TensorProto.FLOAT, [5], [0.0, 5.0, 0.0, 0.0, 0.0])
    sentence_end = helper.make_tensor("sentence_end", TensorProto.FLOAT, [5], [0.0, 0.0, 5.0, 0.0, 0.0])
    one = helper.make_tensor("one", TensorProto.INT64, [], [1])
    axes = helper.make_tensor("axes", TensorProto.INT64, [1], [2])
    nodes = [
        helper.make_node("Greater", ["units", "one"], ["is_ender"]),
        helper.make_node("Unsqueeze", ["is_ender", "axes"], ["is_ender_3d"]),
        helper.make_node("Where", ["is_ender_3d", "sentence_end", "token_end"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny-sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "seq", "feat"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", 5])],
        initializer=[token_end, sentence_end, one, axes],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    id2unit = ["<PAD>", "<UNK>", *enders]
    vocab = {"lang": "zh-hans", "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(id2unit)}, "_id2unit": id2unit}
    config = {"feat_funcs": [], "max_seqlen": 1000, "batch_size": 32, "skip_newline": False}
    helper.set_model_props(
        model,
        {"lang_code": "zh-hans", "config": json.dumps(config), "vocab": json.dumps(vocab), "lexicon": "null"},
    )
    onnx.save(model, str(path))
    return path


@dataclass(frozen=True)
class TinyPackage:
    packages_dir: Path  # an Argos packages folder holding only the tiny package
    archive: Path  # the .argosmodel it was installed from
    path: Path  # the installed package folder


def install_session_package(root: Path) -> TinyPackage:
    """Build the archive under ``root`` and install it with StudyReader's installer (Argos underneath)."""
    from studyreader.translate.models import install_model

    root = Path(root)
    archive = build_archive(root / "translate-zh_en-tiny.argosmodel")
    packages = root / "packages"
    model = install_model(archive, packages)
    return TinyPackage(packages, archive, model.path)
