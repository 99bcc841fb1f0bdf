"""The translation engine: StudyReader's segmentation, one batched CTranslate2 pass, a SQLite cache.

Importing this module is cheap: ``argostranslate``, ``ctranslate2`` and ``sentencepiece`` are
imported on the first translation, which must run off the GUI thread (see ``worker.py``).

Flow of :meth:`TranslationEngine.translate_blocks`: split every translatable block into sentences,
look all of them up in the cache at once, hand back cached blocks immediately, then translate the
rest with ``Translator.translate_batch`` in batches of 64 examples (by examples), visible blocks
first, two batches queued per CTranslate2 worker. Sentences whose protected spans did not survive
decoding are re-translated piecewise in later batches of the same pass. Each block comes back with
its English and, sentence by sentence, where that English came from (``BlockTranslation.pairs``).
"""

from __future__ import annotations

import heapq
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studyreader.cjk import has_cjk
from studyreader.errors import StudyReaderError
from studyreader.translate import sentences as sent
from studyreader.translate.alignment import SourceMap
from studyreader.translate.blocks import Block, SentencePair
from studyreader.translate.cache import TranslationCache
from studyreader.translate.priority import started_at_lower_priority
from studyreader.translate.segment import join_translation, segment_markdown

__all__ = [
    "TranslationEngine",
    "TranslationResult",
    "TranslationStats",
    "BlockTranslation",
    "NoModelError",
    "ModelError",
    "NO_MODEL_MESSAGE",
    "MAX_BATCH_SIZE",
]

MAX_BATCH_SIZE = 64
_SHARED_MODELS: dict[tuple, _LoadedModel] = {}
_SHARED_LOCK = threading.Lock()
_WINDOW_BLOCKS = 1024  # blocks whose sentences may be reordered by length to fill batches evenly
NO_MODEL_MESSAGE = (
    "No Chinese→English translation model is installed: run "
    "`studyreader models install FILE.argosmodel`, or `studyreader models download` when online."
)


class NoModelError(StudyReaderError):
    exit_code = 1

    def __init__(self, message: str = NO_MODEL_MESSAGE) -> None:
        super().__init__(message)


class ModelError(StudyReaderError):
    exit_code = 1


@dataclass(frozen=True)
class TranslationStats:
    sentences: int = 0
    cache_hits: int = 0
    model_calls: int = 0
    batches: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def to_json(self) -> dict:
        return {
            "sentences": self.sentences,
            "cache_hits": self.cache_hits,
            "model_calls": self.model_calls,
            "seconds": round(self.seconds, 4),
        }


@dataclass
class BlockTranslation:
    """One block's English; treat as read-only.

    ``pairs``: one per sentence the segmenter cut from the block's Chinese, in order, from ``source`` to
    ``text`` (see :class:`SentencePair`); a sentence without Chinese outside code and links is copied as
    is and pairs with its copy. A table's pairs point into ``text`` too, the whole table's English
    Markdown (``cells`` holds the same English cell by cell). Blocks that are not translated have none.
    """

    index: int
    kind: str
    source: str
    text: str  # English Markdown of the block (the source itself for code, HTML, ...)
    cells: tuple[tuple[str, ...], ...] = ()
    sentences: int = 0  # sentences the model translated (not those copied as is)
    cached: int = 0
    checks: tuple = ()
    pairs: tuple[SentencePair, ...] = ()


@dataclass
class TranslationResult:
    blocks: list[BlockTranslation | None]
    stats: TranslationStats
    source_blocks: list[Block] = field(default_factory=list, repr=False)
    model_inputs: list[str] = field(default_factory=list, repr=False)  # examples the model translated

    @property
    def cancelled(self) -> bool:
        return self.stats.cancelled

    def markdown(self, text: str) -> str:
        """The whole English document (untranslated blocks keep their source)."""
        return join_translation(text, self.source_blocks, [b.text if b else None for b in self.blocks])


def _default_threads() -> tuple[int, int]:
    """(inter_threads, intra_threads), measured: CTranslate2's default intra_threads=0 was 10-40x
    slower on 2 cores; two single-threaded workers (inter_threads=2, intra_threads=1) were fastest
    there, about twice as fast as one worker with two threads."""
    cpus = os.cpu_count() or 1
    inter = int(os.environ.get("STUDYREADER_INTER_THREADS", 0)) or min(2, cpus)
    intra = int(os.environ.get("STUDYREADER_INTRA_THREADS", 0)) or max(1, min(4, cpus // inter))
    return inter, intra


class _LoadedModel:
    """An Argos package with its CTranslate2 translator and SentencePiece processor."""

    def __init__(self, model, inter: int, intra: int) -> None:
        import ctranslate2
        from argostranslate import settings as argos_settings

        pkg = model.package
        self.info = model
        self.key = (model.code, model.version)
        self.target_prefix = getattr(pkg, "target_prefix", "") or ""
        self.beam_size = max(1, int(argos_settings.beam_size))
        tokenizer = getattr(pkg, "tokenizer", None)
        if tokenizer is None:
            raise ModelError(f"{model.path}: the package has no tokenizer (sentencepiece.model or bpe.model)")
        self.tokenizer = tokenizer
        self.processor = tokenizer.lazy_processor() if hasattr(tokenizer, "lazy_processor") else None
        self.inter_threads = inter
        self.translator = started_at_lower_priority(lambda: ctranslate2.Translator(
            str(Path(pkg.package_path) / "model"), device="cpu", inter_threads=inter, intra_threads=intra
        ))

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def decode(self, tokens: list[str]) -> str:
        # Argos's SentencePiece decode also turns "_" into spaces, which would break identifiers.
        if self.processor is not None:
            value = self.processor.decode_pieces(tokens).replace("▁", " ")
        else:
            value = self.tokenizer.decode(tokens)
        if self.target_prefix and value.startswith(self.target_prefix):
            value = value[len(self.target_prefix):]
        return value[1:] if value.startswith(" ") else value

    def submit_tokens(self, tokens: Sequence[list[str]]):
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        return self.translator.translate_batch(
            tokens,
            target_prefix=prefix,
            max_batch_size=MAX_BATCH_SIZE,
            batch_type="examples",
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            replace_unknowns=True,
            asynchronous=True,
        )


@dataclass
class _Unit:
    """One sentence occurrence in a block part."""

    block: int
    part: int
    sentence: sent.Sentence
    prepared: sent.Prepared | None  # None: no Chinese, copied verbatim


class TranslationEngine:
    def __init__(self, packages_dir: str | os.PathLike | None = None, cache_path: str | os.PathLike | None = None,
                 aid=None, *, use_cache: bool = True) -> None:
        self._packages_dir = packages_dir
        self._cache_path = Path(cache_path) if cache_path else None
        self._use_cache = use_cache
        self.aid = aid
        self._model: _LoadedModel | None = None
        self._cache: TranslationCache | None = None
        self._lock = threading.RLock()

    # -- model and cache ---------------------------------------------------------------------------
    @property
    def packages_dir(self) -> Path:
        from studyreader.translate.models import packages_dir

        return packages_dir(self._packages_dir)

    def model_info(self):
        """The installed zh→en package the engine would use, or None (imports argostranslate.package)."""
        from studyreader.translate.models import find_model

        return find_model(self._packages_dir)

    @property
    def loaded_model(self):
        """The translator loaded so far (None until a sentence needed the model)."""
        return self._model

    def reload(self) -> None:
        """Forget the loaded model (after packages were installed or removed); safe from any thread,
        never waits for a running translation (which keeps its own reference)."""
        self._model = None

    def _load(self, model=None) -> _LoadedModel:
        """The translator for the newest installed zh→en package (looked up on every call, a few ms,
        so that a package installed or removed from the model manager is picked up without a restart)."""
        model = model or self.model_info()
        if model is None:
            self._model = None
            raise NoModelError()
        loaded = self._model
        if loaded is not None and (loaded.info.path, loaded.info.version) == (model.path, model.version):
            return loaded
        inter, intra = _default_threads()
        shared_key = (str(model.path), model.version, inter, intra)
        with _SHARED_LOCK:
            # One translator per package and process: the reader and the editor share it
            # (CTranslate2 translators are thread-safe), so the model is loaded once.
            loaded = _SHARED_MODELS.get(shared_key)
            if loaded is None:
                try:
                    loaded = _LoadedModel(model, inter, intra)
                except StudyReaderError:
                    raise
                except Exception as error:
                    raise ModelError(f"{model.path}: the translation model could not be loaded ({error})") from error
                _SHARED_MODELS.clear()  # an older package version is no longer needed
                _SHARED_MODELS[shared_key] = loaded
        self._model = loaded
        return loaded

    @property
    def cache(self) -> TranslationCache:
        with self._lock:
            return self._open_cache()

    def _open_cache(self) -> TranslationCache:
        if self._cache is None:
            path = self._cache_path
            if path is None and self._use_cache:
                from studyreader.paths import cache_dir

                path = cache_dir() / "translations.sqlite3"
            self._cache = TranslationCache(path)
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        self._model = None

    # -- translation -------------------------------------------------------------------------------
    def translate_text(self, text: str, **kwargs) -> TranslationResult:
        return self.translate_blocks(segment_markdown(text), **kwargs)

    def translate_blocks(
        self,
        blocks: Sequence[Block],
        on_block: Callable[[int, BlockTranslation], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
        priority: Iterable[int] | None = None,
        aid=None,
    ) -> TranslationResult:
        # No engine-wide lock: the reader's and the editor's jobs run side by side (the model is
        # thread-safe, the cache has its own lock); only the lazy set-up below is guarded.
        return _Run(self, list(blocks), on_block, should_cancel, priority, aid or self.aid).run()


class _Run:
    """One call of translate_blocks: state shared by the cache pass and the model passes."""

    def __init__(self, engine: TranslationEngine, blocks: list[Block], on_block, should_cancel, priority, aid):
        self.engine = engine
        self.blocks = blocks
        self.on_block = on_block
        self.should_cancel = should_cancel or (lambda: False)
        self.aid = aid
        pos_of = {b.index: pos for pos, b in enumerate(blocks)}
        self.rank: dict[int, int] = {}  # block position -> translation order
        for index in priority or ():
            pos = pos_of.get(index)
            if pos is not None and pos not in self.rank:
                self.rank[pos] = len(self.rank)
        self.results: list[BlockTranslation | None] = [None] * len(blocks)
        self.final: dict[str, str] = {}  # model input -> English with placeholders
        self.cached_inputs: set[str] = set()
        self.model_calls = 0
        self.batches = 0
        self.model_inputs: list[str] = []  # every example sent to the model, in order

    def _rank(self, pos: int) -> int:
        return self.rank.get(pos, len(self.blocks) + pos)

    def run(self) -> TranslationResult:
        started = time.perf_counter()
        units_by_block: dict[int, list[_Unit]] = {}
        for pos, block in enumerate(self.blocks):
            if not block.translatable:
                continue
            units = []
            for n, part in enumerate(block.parts):
                if not part.translatable or not has_cjk(part.text):
                    continue
                for sentence in sent.split_sentences(part.text):
                    prepared = sent.prepare_sentence(sentence, self.aid) if sentence.needs_model else None
                    units.append(_Unit(pos, n, sentence, prepared))
            units_by_block[pos] = units
        total_sentences = sum(1 for us in units_by_block.values() for u in us if u.prepared)

        # Blocks that need no model at all are done right away.
        for pos in range(len(self.blocks)):
            if pos not in units_by_block or not any(u.prepared for u in units_by_block[pos]):
                self._finish(pos, units_by_block.get(pos, []))

        needed = {u.prepared.model_input for us in units_by_block.values() for u in us if u.prepared}
        info = None
        key = ("", "")
        if needed:
            # The cache is keyed by the package, so reopening a document needs the package's name and
            # version only: the translator itself is loaded below, and only if something is missing.
            info = self.engine.model_info()
            if info is None:
                raise NoModelError()
            key = (info.code, info.version)
            hits = self.engine.cache.get_many(key[0], key[1], needed)
            self.final.update(hits)
            self.cached_inputs = set(hits)
        cache_hits = sum(
            1 for us in units_by_block.values() for u in us
            if u.prepared and u.prepared.model_input in self.cached_inputs
        )

        waiting: dict[str, set[int]] = {}
        pending_count: dict[int, int] = {}
        for pos, units in units_by_block.items():
            missing = {u.prepared.model_input for u in units if u.prepared and u.prepared.model_input not in self.final}
            if not missing:
                if self.results[pos] is None:
                    self._finish(pos, units)
                continue
            pending_count[pos] = len(missing)
            for m in missing:
                waiting.setdefault(m, set()).add(pos)

        # Cached blocks first (instant), in priority order, then the model passes.
        cancelled = False
        if waiting and not self.should_cancel():
            model = self.engine._load(info)
            cancelled = self._translate(model, key, waiting, pending_count, units_by_block)
        elif waiting:
            cancelled = True

        stats = TranslationStats(
            sentences=total_sentences,
            cache_hits=cache_hits,
            model_calls=self.model_calls,
            batches=self.batches,
            seconds=time.perf_counter() - started,
            cancelled=cancelled,
        )
        return TranslationResult(self.results, stats, self.blocks, self.model_inputs)

    def _order(self, positions) -> tuple[int, int]:
        """Heap key prefix: visible blocks first; the rest in windows of document order.

        Within a key prefix sentences are taken shortest first, so that a batch holds sentences of
        similar length (less padding), as one big translate_batch call would arrange them.
        """
        best = min(self._rank(p) for p in positions)
        if best < len(self.rank):
            return (0, 0)
        return (1, (best - len(self.rank)) // _WINDOW_BLOCKS)

    def _translate(self, model: _LoadedModel, key, waiting, pending_count, units_by_block) -> bool:
        prepared_of: dict[str, sent.Prepared] = {}
        for units in units_by_block.values():
            for u in units:
                if u.prepared is not None:
                    prepared_of.setdefault(u.prepared.model_input, u.prepared)
        heap: list = []
        seq = 0
        for m, positions in waiting.items():
            tokens = model.encode(m)
            heap.append((*self._order(positions), len(tokens), seq, "sentence", m, tokens))
            seq += 1
        heapq.heapify(heap)
        fragments_of: dict[str, tuple] = {}  # sentence input -> (pieces, fragment bodies, glue)
        fragment_parents: dict[str, set[str]] = {}
        fragment_done: dict[str, str] = {}
        inflight: deque = deque()
        # Two batches queued per CTranslate2 worker keep both busy while results are handled here
        # (measured: as fast as one translate_batch over everything); cancel waits for these at most.
        depth = int(os.environ.get("STUDYREADER_BATCHES_IN_FLIGHT", 0)) or 2 * model.inter_threads
        to_cache: dict[str, str] = {}
        cancelled = False

        def sentence_done(m: str, english: str) -> None:
            self.final[m] = english
            to_cache[m] = english
            for pos in waiting.get(m, ()):
                pending_count[pos] -= 1
                if pending_count[pos] == 0:
                    self._finish(pos, units_by_block[pos])

        def try_assemble(m: str) -> None:
            pieces, bodies, glue = fragments_of[m]
            if m not in self.final and all(b in fragment_done for b in bodies):
                sentence_done(m, sent.assemble_fallback(pieces, fragment_done.__getitem__, glue=glue))

        while heap or inflight:
            while heap and len(inflight) < depth and not cancelled:
                if self.should_cancel():
                    cancelled = True
                    break
                chunk = [heapq.heappop(heap) for _ in range(min(MAX_BATCH_SIZE, len(heap)))]
                inflight.append((chunk, model.submit_tokens([c[-1] for c in chunk])))
                self.batches += 1
                self.model_calls += len(chunk)
                self.model_inputs.extend(c[-2] for c in chunk)
            if not inflight:
                break
            chunk, futures = inflight.popleft()
            outputs = [model.decode(f.result().hypotheses[0]) for f in futures]
            # After a cancel nothing new is submitted, but what was already in flight is still
            # used and cached: the work is done anyway, and a reopened document will need it.
            failed = []
            for entry, english in zip(chunk, outputs):
                kind, text = entry[-3], entry[-2]
                if kind == "fragment":
                    fragment_done[text] = english
                    to_cache[text] = english
                    for parent in fragment_parents.pop(text, ()):
                        try_assemble(parent)
                elif sent.accept_output(text, english, prepared_of[text].terms):
                    sentence_done(text, english)
                else:
                    failed.append(entry)
            # A protected span was lost: translate the Chinese runs around the spans instead.
            wanted = {}
            for entry in failed:
                m = entry[-2]
                pieces = sent.fallback_runs(m, prepared_of[m].term_spans)
                kinds = sent.placeholder_kinds(prepared_of[m])
                bodies = sent.fallback_bodies(pieces)
                fragments_of[m] = (pieces, bodies, lambda piece, kinds=kinds: kinds.get(piece, ""))
                for body in bodies:
                    if body not in fragment_done:
                        wanted.setdefault(body, entry)
            if wanted:
                fragment_done.update(self.engine.cache.get_many(key[0], key[1], wanted))
            for body, entry in wanted.items():
                if body in fragment_done:
                    continue
                if body not in fragment_parents:
                    tokens = model.encode(body)
                    heapq.heappush(heap, (entry[0], entry[1], len(tokens), seq, "fragment", body, tokens))
                    seq += 1
                fragment_parents.setdefault(body, set())
            for entry in failed:
                m = entry[-2]
                for body in fragments_of[m][1]:
                    if body in fragment_parents:
                        fragment_parents[body].add(m)
                try_assemble(m)
            if self.should_cancel():
                cancelled = True
            if to_cache:  # written while the next batches run, so the last write is small
                self.engine.cache.put_many(key[0], key[1], to_cache)
                to_cache = {}
        self.engine.cache.put_many(key[0], key[1], to_cache)
        return cancelled

    def _finish(self, pos: int, units: list[_Unit]) -> None:
        block = self.blocks[pos]
        by_part: dict[int, list[_Unit]] = {}
        for u in units:
            by_part.setdefault(u.part, []).append(u)
        checks: list = []
        cached = 0
        texts: list[str] = []
        length = 0  # of the block's English so far
        pairs: list[SentencePair] = []
        source_map = SourceMap(block)
        translated_by_start: dict[int, str] = {}
        for n, part in enumerate(block.parts):
            if n not in by_part:
                texts.append(part.text)
                length += len(part.text)
                translated_by_start[part.start] = part.text
                continue
            out, pos_in = [], 0
            for u in by_part[n]:
                gap = part.text[pos_in:u.sentence.start]
                if out and not gap and not out[-1][-1:].isspace():
                    gap = " "
                out.append(gap)
                length += len(gap)
                if u.prepared is None:
                    english = u.sentence.text
                else:
                    english = sent.restore(self.final[u.prepared.model_input], u.prepared.opaque)
                    if u.prepared.model_input in self.cached_inputs:
                        cached += 1
                    if self.aid is not None and u.prepared.aid_terms:
                        try:
                            checks.extend(self.aid.check(english, u.prepared.aid_terms))
                        except Exception:  # reporting terms is a nicety, never a failure
                            logging.getLogger(__name__).exception("glossary aid check failed")
                out.append(english)
                start, end = source_map.span(n, u.sentence.start, u.sentence.end)
                pairs.append(SentencePair(start, end, length, length + len(english)))
                length += len(english)
                pos_in = u.sentence.end
            out.append(part.text[pos_in:])
            length += len(out[-1])
            text = "".join(out)
            texts.append(text)
            translated_by_start[part.start] = text
        cells = tuple(tuple(translated_by_start.get(c.start, c.text) if c.text else "" for c in row)
                      for row in block.rows)
        translation = BlockTranslation(
            index=block.index,
            kind=block.kind,
            source=block.source,
            text="".join(texts),
            cells=cells,
            sentences=sum(1 for u in units if u.prepared),
            cached=cached,
            checks=tuple(checks),
            pairs=tuple(pairs),
        )
        self.results[pos] = translation
        if self.on_block is not None:
            self.on_block(block.index, translation)
