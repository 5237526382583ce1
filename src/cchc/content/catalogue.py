"""Load every content file once, validate it, and check that every reference resolves."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel

from cchc.content.files import read_text
from cchc.content.files import relative as _rel
from cchc.content.inventory import DATA_DIR as DATA_DIR
from cchc.content.inventory import DOCS_DIR as DOCS_DIR
from cchc.content.inventory import DOCUMENTS_DIR as DOCUMENTS_DIR
from cchc.content.inventory import PROCEDURES_DIR as PROCEDURES_DIR
from cchc.content.inventory import scan_content
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
)
from cchc.content.news import Story, load_stories
from cchc.content.online import online_state
from cchc.content.problems import ContentError, Problem
from cchc.content.sanitize import unsafe_links
from cchc.content.validate import validate_record
from cchc.content.yamlio import LocatedData, load_yaml
from cchc.i18n import DEFAULT_LANGUAGE, LANGUAGES
from cchc.messages import msg

M = TypeVar("M", bound=BaseModel)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

SETS_DIR = "procedures/sets"

# The files of data/ the site reads, without .yml: any other file there is refused (cchc.content.inventory).
DATA_FILES = ("province", *TAXONOMIES, *PORTAL_MAPS, "feedback", "steering-committee", "leaflet")

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


DOC_RELATIONS = ("can_cu", "sua_doi", "thay_the", "bai_bo")


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


# Each kind of reference, with the keys of its message when the allowed ids are listed, and when they are too
# many to list and the message names where they are.
REF_KINDS: dict[str, tuple[str, str]] = {
    "level": ("unknown_level", "unknown_level_in"),
    "audience": ("unknown_audience", "unknown_audience_in"),
    "agency": ("unknown_agency", "unknown_agency_in"),
    "centre": ("unknown_centre", "unknown_centre_in"),
    "procedure code": ("unknown_procedure_code", "unknown_procedure_code_in"),
    "document": ("unknown_document", "unknown_document_in"),
}


def _check_refs(
    problems: list[Problem],
    rel: str,
    located: LocatedData,
    field_name: str,
    values: list[str],
    known: dict[str, object],
    what: str,
    where: str,
) -> None:
    for i, value in enumerate(values):
        if value not in known:
            listed, elsewhere = REF_KINDS[what]
            text = (msg(listed, got=repr(value), allowed=", ".join(sorted(known))) if len(known) <= 12
                    else msg(elsewhere, got=repr(value), where=where))
            problems.append(Problem(rel, located.line_of((field_name, i)), f"{field_name}[{i}]", text))


def _missing_forms(proc: Procedure, root: Path, rel: str, located: LocatedData) -> list[Problem]:
    """A form file (``mau.tep``) must be a file of the site: under docs/, and still there once links resolve."""
    docs = (root / DOCS_DIR).resolve()
    out = []
    for g, group in enumerate(proc.thanh_phan_ho_so):
        for d, doc in enumerate(group.giay_to):
            if doc.mau is None or doc.mau.tep is None:
                continue
            path = root / DOCS_DIR / doc.mau.tep
            if not path.is_file() or not path.resolve().is_relative_to(docs):
                loc = ("thanh_phan_ho_so", g, "giay_to", d, "mau", "tep")
                out.append(Problem(rel, located.line_of(loc), f"thanh_phan_ho_so[{g}].giay_to[{d}].mau.tep",
                                   msg("form_file_missing", path=doc.mau.tep)))
    return out


@dataclass(frozen=True)
class Portal:
    """The CCHC section's own data: where to go, whom to call, how the province is rated, what people ask."""

    centres: dict[str, Centre]
    feedback: Feedback
    indices: dict[str, ReformIndex]
    faq: dict[str, FaqTopic]
    committee: SteeringCommittee
    leaflet: Leaflet


def _load_required(model: type[M], path: Path, root: Path, problems: list[Problem]) -> M | None:
    if not path.exists():
        problems.append(Problem(_rel(path, root), 0, "", msg("file_missing")))
        return None
    record, _, found = _load_record(model, path, root)
    problems.extend(found)
    return record


def load_portal(root: Path, levels: dict[str, Level], fields: dict[str, Field_],
                problems: list[Problem]) -> Portal | None:
    data = root / DATA_DIR
    maps = {name: _load_taxonomy(model, data / f"{name}.yml", root, problems)
            for name, model in PORTAL_MAPS.items()}
    centres: dict[str, Centre] = maps["centres"][0]  # type: ignore[assignment]
    rel = f"{DATA_DIR}/centres.yml"
    for centre_id, centre in centres.items():
        line = maps["centres"][1][centre_id]
        if centre.cap not in levels:
            problems.append(Problem(rel, line, f"{centre_id}.cap",
                                    msg("unknown_level", got=repr(centre.cap), allowed=", ".join(sorted(levels)))))
        for i, field_id in enumerate(centre.linh_vuc):
            if field_id not in fields:
                problems.append(Problem(rel, line, f"{centre_id}.linh_vuc[{i}]", msg("unknown_field", got=repr(field_id))))
    feedback = _load_required(Feedback, data / "feedback.yml", root, problems)
    committee = _load_required(SteeringCommittee, data / "steering-committee.yml", root, problems)
    leaflet_path = data / "leaflet.yml"
    leaflet = _load_required(Leaflet, leaflet_path, root, problems)
    if leaflet is not None:
        located, _ = load_located(leaflet_path, root)
        if located is not None:
            _check_refs(problems, _rel(leaflet_path, root), located, "diem_tiep_nhan", leaflet.diem_tiep_nhan,
                        centres, "centre", "data/centres.yml")  # type: ignore[arg-type]
    if feedback is None or committee is None or leaflet is None:
        return None
    return Portal(centres, feedback, maps["indices"][0], maps["faq"][0], committee, leaflet)  # type: ignore[arg-type]


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate all content under ``root``. Raises ContentError listing every problem."""
    inventory = scan_content(root, DATA_FILES)
    problems: list[Problem] = list(inventory.problems)
    if inventory.over_limit:
        raise ContentError(problems)  # refused before any file is read
    data = root / DATA_DIR
    province, _, found = _load_record(Province, data / "province.yml", root)
    problems.extend(found)
    taxonomies = {name: _load_taxonomy(model, data / f"{name}.yml", root, problems)[0] for name, model in TAXONOMIES.items()}
    fields: dict[str, Field_] = taxonomies["fields"]  # type: ignore[assignment]
    levels: dict[str, Level] = taxonomies["levels"]  # type: ignore[assignment]
    audiences: dict[str, Audience] = taxonomies["audiences"]  # type: ignore[assignment]
    agencies: dict[str, Agency] = taxonomies["agencies"]  # type: ignore[assignment]
    for agency_id, agency in agencies.items():
        if agency.cap not in levels:
            problems.append(Problem(f"{DATA_DIR}/agencies.yml", 0, f"{agency_id}.cap",
                                    msg("unknown_agency_level", got=repr(agency.cap))))
    portal = load_portal(root, levels, fields, problems)

    sources: dict[str, str] = {}
    procedures: dict[str, Procedure] = {}
    located_by_code: dict[str, LocatedData] = {}
    loaded, broken_codes = _load_folder(Procedure, inventory.procedures, root, problems)
    for path, rel, located, proc in loaded:
        code = proc.ma_thu_tuc
        if path.stem != code:
            problems.append(
                Problem(rel, located.line_of(("ma_thu_tuc",)), "ma_thu_tuc",
                        msg("code_not_file_name", code=repr(code), name=f"{code}.yml"))
            )
        if code in procedures:
            problems.append(
                Problem(rel, located.line_of(("ma_thu_tuc",)), "ma_thu_tuc",
                        msg("duplicate_code", code=repr(code), other=sources["procedure:" + code]))
            )
            continue
        procedures[code] = proc
        located_by_code[code] = located
        sources["procedure:" + code] = rel

    sets: dict[str, ProcedureSet] = {}
    located_sets: dict[str, LocatedData] = {}
    for path, rel, located, pset in _load_folder(ProcedureSet, inventory.sets, root, problems)[0]:
        sets[path.stem] = pset
        located_sets[path.stem] = located
        sources["set:" + path.stem] = rel

    known_codes: dict[str, object] = {**dict.fromkeys(broken_codes), **procedures}
    for code, proc in procedures.items():
        rel = sources["procedure:" + code]
        located = located_by_code[code]
        if proc.linh_vuc not in fields:
            problems.append(Problem(rel, located.line_of(("linh_vuc",)), "linh_vuc",
                                    msg("unknown_field", got=repr(proc.linh_vuc))))
        _check_refs(problems, rel, located, "cap_thuc_hien", proc.cap_thuc_hien, levels, "level", "data/levels.yml")  # type: ignore[arg-type]
        _check_refs(problems, rel, located, "doi_tuong", proc.doi_tuong, audiences, "audience", "data/audiences.yml")  # type: ignore[arg-type]
        for name in ("co_quan_thuc_hien", "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop"):
            _check_refs(problems, rel, located, name, getattr(proc, name), agencies, "agency", "data/agencies.yml")  # type: ignore[arg-type]
        _check_refs(problems, rel, located, "thu_tuc_lien_quan", proc.thu_tuc_lien_quan, known_codes,
                    "procedure code", "procedures/")
        problems.extend(_missing_forms(proc, root, rel, located))
        if proc.quyet_dinh_cong_bo is not None and proc.quyet_dinh_cong_bo not in sets:
            problems.append(Problem(rel, located.line_of(("quyet_dinh_cong_bo",)), "quyet_dinh_cong_bo",
                                    msg("unknown_set", got=repr(proc.quyet_dinh_cong_bo), allowed=", ".join(sorted(sets)))
                                    if sets else msg("unknown_set_none_yet", got=repr(proc.quyet_dinh_cong_bo))))

    for set_id, pset in sets.items():
        rel = sources["set:" + set_id]
        located = located_sets[set_id]
        if pset.co_quan_ban_hanh not in agencies:
            problems.append(Problem(rel, located.line_of(("co_quan_ban_hanh",)), "co_quan_ban_hanh",
                                    msg("unknown_agency_in", got=repr(pset.co_quan_ban_hanh), where="data/agencies.yml")))
        for list_name in ("cong_bo_moi", "sua_doi", "bai_bo"):
            _check_refs(problems, rel, located, list_name, getattr(pset, list_name), known_codes,
                        "procedure code", "procedures/")
        for i, rep in enumerate(pset.thay_the):
            for key in ("ma_thu_tuc", "thay_cho"):
                code = getattr(rep, key)
                if code not in known_codes:
                    problems.append(Problem(rel, located.line_of(("thay_the", i, key)), f"thay_the[{i}].{key}",
                                            msg("unknown_replaced_code", got=repr(code))))
        # A procedure abolished, or replaced by another, no longer applies; its own record must say so.
        ended: list[tuple[str, str | None]] = [(code, None) for code in pset.bai_bo]
        ended += [(rep.thay_cho, rep.ma_thu_tuc) for rep in pset.thay_the]
        for code, successor in ended:
            abolished = procedures.get(code)
            if abolished is not None and abolished.trang_thai != "bai-bo":
                prel = sources["procedure:" + code]
                status, in_set = repr(abolished.trang_thai), repr(set_id)
                said = (msg("abolished_by_set", status=status, set=in_set) if successor is None
                        else msg("replaced_by_set", status=status, set=in_set, code=successor))
                problems.append(Problem(prel, located_by_code[code].line_of(("trang_thai",)), "trang_thai", said))
    if portal is not None:
        leaflet_path = root / DATA_DIR / "leaflet.yml"
        leaflet_data, _ = load_located(leaflet_path, root)
        if leaflet_data is not None:
            _check_refs(problems, _rel(leaflet_path, root), leaflet_data, "thu_tuc", portal.leaflet.thu_tuc,
                        known_codes, "procedure code", "procedures/")

    documents: dict[str, LegalDocument] = {}
    located_docs: dict[str, LocatedData] = {}
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
        documents[path.stem] = doc
        located_docs[path.stem] = located
        sources["document:" + path.stem] = rel
    for doc_id, doc in documents.items():
        rel = sources["document:" + doc_id]
        located = located_docs[doc_id]
        for relation in DOC_RELATIONS:
            _check_refs(problems, rel, located, relation, getattr(doc, relation), documents,  # type: ignore[arg-type]
                        "document", "documents/")
            if doc_id in getattr(doc, relation):
                problems.append(Problem(rel, located.line_of((relation,)), relation, msg("refers_to_itself")))
        for relation in ("thay_the", "bai_bo"):
            for target in getattr(doc, relation):
                ended_doc = documents.get(target)
                if ended_doc is not None and ended_doc.tinh_trang != "het-hieu-luc" and doc.tinh_trang != "chua-co-hieu-luc":
                    problems.append(Problem(
                        sources["document:" + target], located_docs[target].line_of(("tinh_trang",)), "tinh_trang",
                        msg("replaced_by_document" if relation == "thay_the" else "abolished_by_document",
                            status=repr(ended_doc.tinh_trang), document=repr(doc_id))))

    # Hand-written pages: the same spelling checks, and no link that runs code.
    for path in inventory.pages:  # stories are loaded and checked below
        rel = _rel(path, root)
        text, found = read_text(path, rel)
        problems.extend(found)
        if text is not None:
            problems.extend(unsafe_links(text, rel))

    categories: dict[str, Category] = taxonomies["categories"]  # type: ignore[assignment]
    stories = load_stories(root / DOCS_DIR, root, inventory.news, categories, LANGUAGES, DEFAULT_LANGUAGE,  # type: ignore[arg-type]
                           problems)
    for story in stories:
        sources[f"story:{story.lang}:{story.item.khoa}"] = story.source

    if problems or province is None:
        raise ContentError(problems)
    return Catalogue(
        root=root,
        province=province,
        fields=fields,
        levels=levels,
        audiences=audiences,
        agencies=agencies,
        procedures=procedures,
        sets=sets,
        categories=categories,
        documents=documents,
        stories=stories,
        sources=sources,
        portal=portal,
    )



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
    return replace(cat, procedures={**cat.procedures, code: record})
