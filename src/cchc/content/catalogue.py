"""Load every content file once, validate it, and check that every reference resolves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel

from cchc.content import rules, translations
from cchc.content.files import read_text
from cchc.content.files import relative as _rel
from cchc.content.frontmatter import screen_page_front_matter
from cchc.content.inventory import DATA_DIR as DATA_DIR
from cchc.content.inventory import DOCS_DIR as DOCS_DIR
from cchc.content.inventory import DOCUMENTS_DIR as DOCUMENTS_DIR
from cchc.content.inventory import PROCEDURES_DIR as PROCEDURES_DIR
from cchc.content.inventory import Inventory, scan_content
from cchc.content.models import (
    PORTAL_MAPS,
    TAXONOMIES,
    Agency,
    Audience,
    Category,
    Centre,
    FaqTopic,
    Feedback,
    Field_,
    Leaflet,
    LegalDocument,
    Level,
    Procedure,
    ProcedureSet,
    Province,
    ReformIndex,
    SteeringCommittee,
    Synonym,
    Vocabulary,
)
from cchc.content.news import VIETNAM, Story, load_stories
from cchc.content.online import online_state
from cchc.content.problems import ContentError, Problem
from cchc.content.rules import DOC_RELATIONS as DOC_RELATIONS
from cchc.content.rules import REF_KINDS as REF_KINDS
from cchc.content.rules import Entry
from cchc.content.sanitize import unsafe_links
from cchc.content.validate import validate_record
from cchc.content.yamlio import LocatedData, load_yaml
from cchc.i18n import DEFAULT_LANGUAGE, LANGUAGES, use_vocabulary
from cchc.messages import msg

M = TypeVar("M", bound=BaseModel)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

SETS_DIR = "procedures/sets"

# The files of data/ the site reads, without .yml: any other file there is refused (cchc.content.inventory).
DATA_FILES = ("province", "vocabulary", *TAXONOMIES, *PORTAL_MAPS, "feedback", "steering-committee", "leaflet",
              "translations")

# The change a procedure set makes to a procedure, in the order a page lists them.
CHANGE_KINDS = ("cong_bo_moi", "sua_doi", "thay_the", "bai_bo")
# What a set does to one procedure: a set's own lists, and bi_thay_the for the procedure another one replaces.
ChangeKind = Literal["cong_bo_moi", "sua_doi", "thay_the", "bi_thay_the", "bai_bo"]


@dataclass(frozen=True)
class Change:
    """One procedure set's effect on one procedure."""

    set_id: str
    kind: ChangeKind
    other: str | None = None  # for thay_the: the procedure replaced, or the one replacing it


@dataclass
class Catalogue:
    """All validated content, with the source file and line of each record for messages and edit links."""

    root: Path
    province: Province
    fields: dict[str, Field_]
    levels: dict[str, Level]
    audiences: dict[str, Audience]
    agencies: dict[str, Agency]
    procedures: dict[str, Procedure]
    sets: dict[str, ProcedureSet]
    categories: dict[str, Category] = field(default_factory=dict)
    documents: dict[str, LegalDocument] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # record key -> repository-relative path
    portal: Portal | None = None  # one-stop centres, hotlines and feedback, indices, FAQ, steering committee
    memory: dict[str, str] = field(default_factory=dict)  # the translation memory applied (cchc.content.translations)

    def stories_in(self, lang: str) -> list[Story]:
        """``lang``'s stories, newest first (ties broken by key, so the order is stable)."""
        return self._stories_by_lang.get(lang, [])

    @cached_property
    def _stories_by_lang(self) -> dict[str, list[Story]]:
        out: dict[str, list[Story]] = {}
        for story in sorted(self.stories, key=lambda s: (s.published, s.item.khoa), reverse=True):
            out.setdefault(story.lang, []).append(story)
        return out

    def counterpart(self, story: Story, lang: str) -> Story | None:
        """The same story in ``lang``, linked by its key."""
        return self.story(lang, story.item.khoa)

    def story(self, lang: str, key: str) -> Story | None:
        return self._stories_by_key.get((lang, key))

    @cached_property
    def _stories_by_key(self) -> dict[tuple[str, str], Story]:
        return {(s.lang, s.item.khoa): s for s in self.stories}

    def document_for(self, number: str) -> str | None:
        """The registry id of the document numbered ``number`` (spacing and case ignored), if registered."""
        return self._documents_by_number.get(document_number_key(number))

    @cached_property
    def _documents_by_number(self) -> dict[str, str]:
        return {document_number_key(doc.so_hieu): doc_id for doc_id, doc in sorted(self.documents.items())}

    @cached_property
    def document_relations(self) -> dict[str, list[tuple[str, str]]]:
        """For each document, the (relation, other id) pairs pointing at it: who amends, replaces, abolishes
        or cites it."""
        out: dict[str, list[tuple[str, str]]] = {}
        for doc_id, doc in sorted(self.documents.items(), key=lambda kv: (kv[1].ngay_ban_hanh, kv[0])):
            for relation in DOC_RELATIONS:
                for target in getattr(doc, relation):
                    out.setdefault(target, []).append((relation, doc_id))
        return out

    @cached_property
    def _changes(self) -> dict[str, list[Change]]:
        # Indexed once per build: every procedure page asks for its history.
        by_code: dict[str, list[Change]] = {}
        for set_id, pset in sorted(self.sets.items(), key=lambda kv: (kv[1].ngay_ban_hanh, kv[0])):
            for target, change in _changes_in(set_id, pset):
                by_code.setdefault(target, []).append(change)
        return by_code

    def history(self, code: str) -> list[Change]:
        """Every set that touched ``code``, oldest first."""
        return list(self._changes.get(code, []))

    def replaced_by(self, code: str) -> str | None:
        """The procedure that replaced ``code``, if a set replaced it."""
        return next((c.other for c in self._changes.get(code, []) if c.kind == "bi_thay_the"), None)




def document_number_key(number: str) -> str:
    """'118/2025/NĐ-CP' and '118 / 2025 / nđ-cp' compare equal."""
    return "".join(number.split()).casefold()


def _changes_in(set_id: str, pset: ProcedureSet) -> Iterable[tuple[str, Change]]:
    for code in pset.cong_bo_moi:
        yield code, Change(set_id, "cong_bo_moi")
    for code in pset.sua_doi:
        yield code, Change(set_id, "sua_doi")
    for rep in pset.thay_the:
        yield rep.ma_thu_tuc, Change(set_id, "thay_the", rep.thay_cho)
        yield rep.thay_cho, Change(set_id, "bi_thay_the", rep.ma_thu_tuc)
    for code in pset.bai_bo:
        yield code, Change(set_id, "bai_bo")


def load_located(path: Path, root: Path) -> tuple[LocatedData | None, list[Problem]]:
    rel = _rel(path, root)
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    located, found = load_yaml(text, rel)
    return located, problems + found


def _load_record(model: type[M], path: Path, root: Path) -> tuple[M | None, int, list[Problem]]:
    located, problems = load_located(path, root)
    if located is None:
        return None, 0, problems
    record, problems = validate_record(model, located, _rel(path, root))
    return record, 1, problems


def _load_folder(
    model: type[M], files: list[Path], root: Path, problems: list[Problem]
) -> tuple[list[tuple[Path, str, LocatedData, M]], set[str]]:
    """Every record of a folder (its ``*.yml`` files, as cchc.content.inventory found them), plus the names of files
    that failed to load.

    Failed files still name a record, so references to them do not add a second, misleading error.
    """
    loaded: list[tuple[Path, str, LocatedData, M]] = []
    broken: set[str] = set()
    for path in files:
        rel = _rel(path, root)
        located, found = load_located(path, root)
        problems.extend(found)
        record = None
        if located is not None:
            record, found = validate_record(model, located, rel)
            problems.extend(found)
        if located is None or record is None:
            broken.add(path.stem)
        else:
            loaded.append((path, rel, located, record))
    return loaded, broken


def _load_taxonomy(
    model: type[M], path: Path, root: Path, problems: list[Problem]
) -> tuple[dict[str, M], dict[str, int]]:
    """A taxonomy file maps ids to entries; the ids are what procedures refer to."""
    rel = _rel(path, root)
    if not path.exists():
        problems.append(Problem(rel, 0, "", msg("file_missing")))
        return {}, {}
    located, found = load_located(path, root)
    problems.extend(found)
    if located is None:
        return {}, {}
    if not isinstance(located.data, dict):
        problems.append(Problem(rel, 1, "", msg("not_id_map")))
        return {}, {}
    entries: dict[str, M] = {}
    lines: dict[str, int] = {}
    for key, value in located.data.items():
        key = str(key)
        sub = LocatedData(value, {loc[1:]: ln for loc, ln in located.lines.items() if loc[:1] == (key,)})
        record, found = validate_record(model, sub, rel)
        problems.extend(Problem(p.path, p.line, f"{key}.{p.field}" if p.field else key, p.text) for p in found)
        if record is not None:
            entries[key] = record
            lines[key] = located.lines.get((key,), 1)
    return entries, lines


@dataclass(frozen=True)
class Portal:
    """The CCHC section's own data: where to go, whom to call, how the province is rated, what people ask."""

    centres: dict[str, Centre]
    feedback: Feedback
    indices: dict[str, ReformIndex]
    faq: dict[str, FaqTopic]
    committee: SteeringCommittee
    leaflet: Leaflet
    synonyms: dict[str, Synonym] = field(default_factory=dict)  # citizens' words -> official terms (search)


def _load_required(model: type[M], path: Path, root: Path, problems: list[Problem]
                   ) -> tuple[M | None, LocatedData | None]:
    """A data file the site cannot do without, read once: the record and where its values are."""
    if not path.exists():
        problems.append(Problem(_rel(path, root), 0, "", msg("file_missing")))
        return None, None
    located, found = load_located(path, root)
    problems.extend(found)
    if located is None:
        return None, None
    record, found = validate_record(model, located, _rel(path, root))
    problems.extend(found)
    return record, located


def load_portal(root: Path, levels: dict[str, Level], fields: dict[str, Field_],
                problems: list[Problem]) -> tuple[Portal | None, Entry[Leaflet] | None]:
    """The portal's data files, and the leaflet with its lines (its procedures are checked once they are loaded)."""
    data = root / DATA_DIR
    maps = {name: _load_taxonomy(model, data / f"{name}.yml", root, problems)
            for name, model in PORTAL_MAPS.items()}
    centres: dict[str, Centre] = maps["centres"][0]  # type: ignore[assignment]
    problems.extend(rules.centre_refs(centres, maps["centres"][1], levels, fields, f"{DATA_DIR}/centres.yml"))
    feedback, _ = _load_required(Feedback, data / "feedback.yml", root, problems)
    committee, _ = _load_required(SteeringCommittee, data / "steering-committee.yml", root, problems)
    leaflet_path = data / "leaflet.yml"
    leaflet, located = _load_required(Leaflet, leaflet_path, root, problems)
    if feedback is None or committee is None or leaflet is None or located is None:
        return None, None
    portal = Portal(centres, feedback, maps["indices"][0], maps["faq"][0], committee, leaflet,  # type: ignore[arg-type]
                    maps["synonyms"][0])  # type: ignore[arg-type]
    return portal, Entry(leaflet, _rel(leaflet_path, root), located)


def _load_procedures(inventory: Inventory, root: Path, problems: list[Problem]
                     ) -> tuple[dict[str, Entry[Procedure]], set[str]]:
    """Every procedure by its code, which must be its file's name and unique; and the codes of broken files."""
    procedures: dict[str, Entry[Procedure]] = {}
    loaded, broken_codes = _load_folder(Procedure, inventory.procedures, root, problems)
    for path, rel, located, proc in loaded:
        code = proc.ma_thu_tuc
        entry = Entry(proc, rel, located)
        if path.stem != code:
            problems.append(entry.problem(("ma_thu_tuc",), "ma_thu_tuc",
                                          msg("code_not_file_name", code=repr(code), name=f"{code}.yml")))
        if code in procedures:
            problems.append(entry.problem(("ma_thu_tuc",), "ma_thu_tuc",
                                          msg("duplicate_code", code=repr(code), other=procedures[code].rel)))
            continue
        procedures[code] = entry
    return procedures, broken_codes


def _load_documents(inventory: Inventory, root: Path, problems: list[Problem]) -> dict[str, Entry[LegalDocument]]:
    """Every legal document by its file name (an id), its number unique however it is spaced or cased."""
    documents: dict[str, Entry[LegalDocument]] = {}
    numbers: dict[str, str] = {}
    for path, rel, located, doc in _load_folder(LegalDocument, inventory.documents, root, problems)[0]:
        if not _ID.match(path.stem):
            problems.append(Problem(rel, 0, "", msg("file_name_not_id", name=repr(path.name))))
            continue
        number = document_number_key(doc.so_hieu)
        if number in numbers:
            problems.append(Problem(rel, located.line_of(("so_hieu",)), "so_hieu",
                                    msg("duplicate_number", number=repr(doc.so_hieu), other=numbers[number])))
            continue
        numbers[number] = rel
        documents[path.stem] = Entry(doc, rel, located)
    return documents


def _check_pages(inventory: Inventory, root: Path) -> list[Problem]:
    """Hand-written pages: the same spelling checks, front matter screened as content YAML is (before MkDocs parses
    it), and no link that runs code (stories are checked as loaded)."""
    problems: list[Problem] = []
    for path in inventory.pages:
        rel = _rel(path, root)
        text, found = read_text(path, rel)
        problems.extend(found)
        if text is not None:
            problems.extend(screen_page_front_matter(text, rel))
            problems.extend(unsafe_links(text, rel))
    return problems


def load_catalogue(root: Path, now: dt.datetime | None = None) -> Catalogue:
    """Load and validate all content under ``root``, then check every cross-reference (cchc.content.rules).
    ``now`` (default: the clock, read here and nowhere deeper) is when stories may be dated up to a few days
    after. Raises ContentError listing every problem."""
    inventory = scan_content(root, DATA_FILES)
    problems: list[Problem] = list(inventory.problems)
    if inventory.over_limit:
        raise ContentError(problems)  # refused before any file is read
    data = root / DATA_DIR
    province, _, found = _load_record(Province, data / "province.yml", root)
    problems.extend(found)
    vocabulary, _ = _load_required(Vocabulary, data / "vocabulary.yml", root, problems)
    taxonomies = {name: _load_taxonomy(model, data / f"{name}.yml", root, problems)[0] for name, model in TAXONOMIES.items()}
    tax = rules.Taxonomies(taxonomies["fields"], taxonomies["levels"], taxonomies["audiences"],  # type: ignore[arg-type]
                           taxonomies["agencies"])  # type: ignore[arg-type]
    problems.extend(rules.agency_levels(tax.agencies, tax.levels, f"{DATA_DIR}/agencies.yml"))
    portal, leaflet = load_portal(root, taxonomies["levels"], taxonomies["fields"], problems)  # type: ignore[arg-type]
    procedures, broken_codes = _load_procedures(inventory, root, problems)
    sets = {path.stem: Entry(pset, rel, located)
            for path, rel, located, pset in _load_folder(ProcedureSet, inventory.sets, root, problems)[0]}
    documents = _load_documents(inventory, root, problems)
    known_codes: dict[str, object] = {**dict.fromkeys(broken_codes), **procedures}
    for proc in procedures.values():
        problems += rules.procedure_refs(proc, tax, known_codes, sets) + rules.form_files(proc, root)
    for set_id, pset in sets.items():
        problems += rules.set_refs(set_id, pset, tax.agencies, procedures, known_codes)
    if portal is not None and leaflet is not None:
        problems += rules.leaflet_refs(leaflet, portal.centres, known_codes)
    for doc_id, doc in documents.items():
        problems += rules.document_refs(doc_id, doc, documents)
    problems += _check_pages(inventory, root)
    memory = _load_memory(root, problems)
    categories: dict[str, Category] = taxonomies["categories"]  # type: ignore[assignment]
    stories = load_stories(root / DOCS_DIR, root, inventory.news, categories, LANGUAGES, DEFAULT_LANGUAGE,  # type: ignore[arg-type]
                           problems, now or dt.datetime.now(VIETNAM))
    if problems or province is None or vocabulary is None:
        raise ContentError(problems)
    use_vocabulary(vocabulary.strings(), vocabulary.singular_en())  # the names of units, channels, statuses
    sources = {**{f"procedure:{code}": e.rel for code, e in procedures.items()},
               **{f"set:{set_id}": e.rel for set_id, e in sets.items()},
               **{f"document:{doc_id}": e.rel for doc_id, e in documents.items()},
               **{f"story:{story.lang}:{story.item.khoa}": story.source for story in stories}}
    return with_memory(Catalogue(
        root=root, province=province, fields=taxonomies["fields"], levels=taxonomies["levels"],  # type: ignore[arg-type]
        audiences=taxonomies["audiences"], agencies=taxonomies["agencies"],  # type: ignore[arg-type]
        procedures={code: e.record for code, e in procedures.items()},
        sets={set_id: e.record for set_id, e in sets.items()}, categories=categories,
        documents={doc_id: e.record for doc_id, e in documents.items()}, stories=stories, sources=sources,
        portal=portal,
    ), memory)


COMMITTEE_KEY = "steering-committee"  # the steering committee's key among the translatable records


def translatable_records(cat: Catalogue) -> dict[str, BaseModel]:
    """The records whose texts a translator works through, by "kind id" (procedures, sets, taxonomy values, the
    steering committee)."""
    records: dict[str, BaseModel] = {}
    for kind, table in (("field", cat.fields), ("level", cat.levels), ("audience", cat.audiences),
                        ("agency", cat.agencies), ("procedure", cat.procedures), ("set", cat.sets)):
        records.update({f"{kind} {key}": record for key, record in sorted(table.items())})
    if cat.portal is not None:
        records[f"committee {COMMITTEE_KEY}"] = cat.portal.committee
    return records


def _load_memory(root: Path, problems: list[Problem]) -> dict[str, str]:
    """The kept translation memory (data/translations.yml, optional), read and validated like the other data
    files: each entry a MemoryEntry, every problem with its file:line: field."""
    path = root / translations.MEMORY_FILE
    if not path.is_file():
        return {}
    rel = _rel(path, root)
    text, found = read_text(path, rel)
    problems.extend(found)
    if text is None:
        return {}
    memory, found = translations.read_memory(text, rel)
    problems.extend(found)
    return memory


def with_memory(cat: Catalogue, kept: dict[str, str]) -> Catalogue:
    """``cat`` with the translation memory applied (cchc.content.translations): the kept memory (``kept``, as
    load_catalogue read it), then the English editors wrote elsewhere for the same text. The memory used is kept
    on the catalogue for the preview."""
    memory = {**translations.harvest(translatable_records(cat)), **kept}
    if not memory:
        return cat
    def fill(table: dict[str, M]) -> dict[str, M]:
        return {key: translations.apply_memory(record, memory) for key, record in table.items()}
    portal = cat.portal and replace(cat.portal, committee=translations.apply_memory(cat.portal.committee, memory))
    return replace(cat, fields=fill(cat.fields), levels=fill(cat.levels), audiences=fill(cat.audiences),
                   agencies=fill(cat.agencies), procedures=fill(cat.procedures), sets=fill(cat.sets), portal=portal,
                   memory=memory)


# What a procedure shares with other pages: a change to any of these reaches beyond the procedure's own page
# (lists, counts, related procedures, the page's address), so the preview rebuilds everything for it.
_SHARED_FIELDS = ("ma_thu_tuc", "ten", "trang_thai", "linh_vuc", "cap_thuc_hien", "doi_tuong", "co_quan_thuc_hien",
                  "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "muc_do_dvc",
                  "thu_tuc_lien_quan", "quyet_dinh_cong_bo", "lien_ket_dvc", "cap_nhat")


def reload_procedure(cat: Catalogue, path: Path) -> Catalogue | None:
    """``cat`` with one procedure file read and validated again: the fast path of the preview (scripts/serve.py),
    which shows an edit on the procedure's own page in about a second and rebuilds the rest after.

    None when the change cannot be shown that way: the file no longer loads cleanly, it is a new procedure, or
    the edit touches what other pages show (``_SHARED_FIELDS``); the full rebuild then reports or shows it.
    Pages that show the rest of a procedure are listed by ``cchc.site.leaflet.pages_with_details``."""
    code = path.stem
    old = cat.procedures.get(code)
    if old is None:
        return None
    rel = _rel(path, cat.root)
    located, problems = load_located(path, cat.root)
    if located is None or problems:
        return None
    record, problems = validate_record(Procedure, located, rel)
    if record is None or problems:
        return None
    if any(getattr(record, name) != getattr(old, name) for name in _SHARED_FIELDS):
        return None
    if online_state(record) != online_state(old):
        return None  # an online channel added or removed moves the procedure between the online-level lists
    return replace(cat, procedures={**cat.procedures, code: translations.apply_memory(record, cat.memory)})
