"""The cross-reference rules between content files: every id a record names must exist, and what one record
says of another must agree with what that record says of itself. Each rule returns the problems it finds.

The records come in as :class:`Entry` values (the record, its file and its lines), loaded once by
:func:`cchc.content.catalogue.load_catalogue`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from cchc.content.inventory import DOCS_DIR
from cchc.content.models import Agency, Centre, Field_, Leaflet, LegalDocument, Level, Procedure, ProcedureSet
from cchc.content.problems import Problem
from cchc.content.yamlio import LocatedData
from cchc.messages import Message, msg

R = TypeVar("R")

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
DOC_RELATIONS = ("can_cu", "sua_doi", "thay_the", "bai_bo")
AGENCY_ROLES = ("co_quan_thuc_hien", "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop")


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A loaded record, with the repository path of its file and the line of each of its values."""

    record: R
    rel: str
    located: LocatedData

    def problem(self, loc: tuple[str | int, ...], field: str, text: Message) -> Problem:
        return Problem(self.rel, self.located.line_of(loc), field, text)


def check_refs(rel: str, located: LocatedData, field_name: str, values: list[str], known: Mapping[str, object],
               what: str, where: str) -> list[Problem]:
    """Every id in ``values`` is one of ``known``: the message lists them when they are few, else says where."""
    out = []
    for i, value in enumerate(values):
        if value not in known:
            listed, elsewhere = REF_KINDS[what]
            text = (msg(listed, got=repr(value), allowed=", ".join(sorted(known))) if len(known) <= 12
                    else msg(elsewhere, got=repr(value), where=where))
            out.append(Problem(rel, located.line_of((field_name, i)), f"{field_name}[{i}]", text))
    return out


def agency_levels(agencies: Mapping[str, Agency], levels: Mapping[str, Level], rel: str) -> list[Problem]:
    """An agency's level is a level of data/levels.yml."""
    return [Problem(rel, 0, f"{agency_id}.cap", msg("unknown_agency_level", got=repr(agency.cap)))
            for agency_id, agency in agencies.items() if agency.cap not in levels]


def centre_refs(centres: Mapping[str, Centre], lines: Mapping[str, int], levels: Mapping[str, Level],
                fields: Mapping[str, Field_], rel: str) -> list[Problem]:
    """A centre's level and the fields it receives exist."""
    out = []
    for centre_id, centre in centres.items():
        line = lines[centre_id]
        if centre.cap not in levels:
            out.append(Problem(rel, line, f"{centre_id}.cap",
                               msg("unknown_level", got=repr(centre.cap), allowed=", ".join(sorted(levels)))))
        for i, field_id in enumerate(centre.linh_vuc):
            if field_id not in fields:
                out.append(Problem(rel, line, f"{centre_id}.linh_vuc[{i}]", msg("unknown_field", got=repr(field_id))))
    return out


def leaflet_refs(leaflet: Entry[Leaflet], centres: Mapping[str, Centre], known_codes: Mapping[str, object]
                 ) -> list[Problem]:
    """The leaflet's centres and procedures exist."""
    return [*check_refs(leaflet.rel, leaflet.located, "diem_tiep_nhan", leaflet.record.diem_tiep_nhan, centres,
                        "centre", "data/centres.yml"),
            *check_refs(leaflet.rel, leaflet.located, "thu_tuc", leaflet.record.thu_tuc, known_codes,
                        "procedure code", "procedures/")]


def form_files(proc: Entry[Procedure], root: Path) -> list[Problem]:
    """A form file (``mau.tep``) must be a file of the site: under docs/, and still there once links resolve."""
    docs = (root / DOCS_DIR).resolve()
    out = []
    for g, group in enumerate(proc.record.thanh_phan_ho_so):
        for d, doc in enumerate(group.giay_to):
            if doc.mau is None or doc.mau.tep is None:
                continue
            path = root / DOCS_DIR / doc.mau.tep
            if not path.is_file() or not path.resolve().is_relative_to(docs):
                out.append(proc.problem(("thanh_phan_ho_so", g, "giay_to", d, "mau", "tep"),
                                        f"thanh_phan_ho_so[{g}].giay_to[{d}].mau.tep",
                                        msg("form_file_missing", path=doc.mau.tep)))
    return out


@dataclass(frozen=True)
class Taxonomies:
    fields: Mapping[str, Field_]
    levels: Mapping[str, Level]
    audiences: Mapping[str, object]
    agencies: Mapping[str, Agency]


def procedure_refs(proc: Entry[Procedure], tax: Taxonomies, known_codes: Mapping[str, object],
                   sets: Mapping[str, object]) -> list[Problem]:
    """A procedure's field, levels, audiences, agencies, related procedures and publishing decision exist."""
    p, rel, located = proc.record, proc.rel, proc.located
    out = []
    if p.linh_vuc not in tax.fields:
        out.append(proc.problem(("linh_vuc",), "linh_vuc", msg("unknown_field", got=repr(p.linh_vuc))))
    out += check_refs(rel, located, "cap_thuc_hien", p.cap_thuc_hien, tax.levels, "level", "data/levels.yml")
    out += check_refs(rel, located, "doi_tuong", p.doi_tuong, tax.audiences, "audience", "data/audiences.yml")
    for name in AGENCY_ROLES:
        out += check_refs(rel, located, name, getattr(p, name), tax.agencies, "agency", "data/agencies.yml")
    out += check_refs(rel, located, "thu_tuc_lien_quan", p.thu_tuc_lien_quan, known_codes, "procedure code",
                      "procedures/")
    if p.quyet_dinh_cong_bo is not None and p.quyet_dinh_cong_bo not in sets:
        got = repr(p.quyet_dinh_cong_bo)
        out.append(proc.problem(("quyet_dinh_cong_bo",), "quyet_dinh_cong_bo",
                                msg("unknown_set", got=got, allowed=", ".join(sorted(sets))) if sets
                                else msg("unknown_set_none_yet", got=got)))
    return out


def set_refs(set_id: str, pset: Entry[ProcedureSet], agencies: Mapping[str, Agency],
             procedures: Mapping[str, Entry[Procedure]], known_codes: Mapping[str, object]) -> list[Problem]:
    """A set's issuing agency and procedures exist; a procedure it abolishes or replaces says it is abolished."""
    s, rel, located = pset.record, pset.rel, pset.located
    out = []
    if s.co_quan_ban_hanh not in agencies:
        out.append(pset.problem(("co_quan_ban_hanh",), "co_quan_ban_hanh",
                                msg("unknown_agency_in", got=repr(s.co_quan_ban_hanh), where="data/agencies.yml")))
    for list_name in ("cong_bo_moi", "sua_doi", "bai_bo"):
        out += check_refs(rel, located, list_name, getattr(s, list_name), known_codes, "procedure code",
                          "procedures/")
    for i, rep in enumerate(s.thay_the):
        for key in ("ma_thu_tuc", "thay_cho"):
            code = getattr(rep, key)
            if code not in known_codes:
                out.append(pset.problem(("thay_the", i, key), f"thay_the[{i}].{key}",
                                        msg("unknown_replaced_code", got=repr(code))))
    # A procedure abolished, or replaced by another, no longer applies; its own record must say so.
    ended: list[tuple[str, str | None]] = [(code, None) for code in s.bai_bo]
    ended += [(rep.thay_cho, rep.ma_thu_tuc) for rep in s.thay_the]
    for code, successor in ended:
        abolished = procedures.get(code)
        if abolished is not None and abolished.record.trang_thai != "bai-bo":
            status, in_set = repr(abolished.record.trang_thai), repr(set_id)
            said = (msg("abolished_by_set", status=status, set=in_set) if successor is None
                    else msg("replaced_by_set", status=status, set=in_set, code=successor))
            out.append(abolished.problem(("trang_thai",), "trang_thai", said))
    return out


def document_refs(doc_id: str, doc: Entry[LegalDocument], documents: Mapping[str, Entry[LegalDocument]]
                  ) -> list[Problem]:
    """A document's relations name other documents; a document it replaces or abolishes says it is no longer
    in force (unless this one is not in force yet)."""
    d, rel, located = doc.record, doc.rel, doc.located
    out = []
    for relation in DOC_RELATIONS:
        out += check_refs(rel, located, relation, getattr(d, relation), documents, "document", "documents/")
        if doc_id in getattr(d, relation):
            out.append(doc.problem((relation,), relation, msg("refers_to_itself")))
    for relation in ("thay_the", "bai_bo"):
        for target in getattr(d, relation):
            ended = documents.get(target)
            if ended is not None and ended.record.tinh_trang != "het-hieu-luc" and d.tinh_trang != "chua-co-hieu-luc":
                out.append(ended.problem(("tinh_trang",), "tinh_trang", msg(
                    "replaced_by_document" if relation == "thay_the" else "abolished_by_document",
                    status=repr(ended.record.tinh_trang), document=repr(doc_id))))
    return out
