"""Every content problem's text, in English and Vietnamese side by side, under one key.

A check that finds a problem names its key and fills the placeholders (``msg("not_whole_number", got="'x'")``);
`make check` and the build print the English line and, under it, the Vietnamese for the editors (civil servants
who read Vietnamese first). To add or reword a message, edit its entry here, both languages at once:
nothing translates English after the fact, and a test checks that every entry has both languages with the
same placeholders.

Placeholders are ``{name}`` fields of :meth:`str.format`. A placeholder whose name ends in ``_en`` carries a
library's own English wording (PyYAML's account of a syntax error, pydantic's reason a date is not a date);
the Vietnamese may leave it out. Every other placeholder appears in both languages.
"""

from __future__ import annotations

import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    en: str
    vi: str


CATALOGUE: dict[str, Entry] = {
    # Shapes and values, by pydantic's error type (cchc.validate).
    "missing": Entry("missing; this field is required", "thiếu; trường này bắt buộc"),
    "missing_described": Entry("missing; this field is required ({description})",
                               "thiếu; trường này bắt buộc ({description})"),
    "unknown_key": Entry("unknown field; allowed here: {allowed}",
                         "trường này không có trong mẫu; các trường được dùng: {allowed}"),
    "not_allowed_value": Entry("got {got}; allowed: {allowed}", "giá trị {got} không hợp lệ; được dùng: {allowed}"),
    "not_whole_number": Entry("must be a whole number, got {got}", "phải là số nguyên, nhận được {got}"),
    "not_number": Entry("must be a number, got {got}", "phải là số, nhận được {got}"),
    "not_date": Entry("must be a real date written YYYY-MM-DD, got {got} ({reason_en})",
                      "phải là ngày có thật, viết dạng năm-tháng-ngày YYYY-MM-DD, nhận được {got}"),
    "not_datetime": Entry("must be a date and time written YYYY-MM-DDTHH:MM:SS+07:00, got {got} ({reason_en})",
                          "phải là ngày giờ, viết dạng YYYY-MM-DDTHH:MM:SS+07:00, nhận được {got}"),
    "not_list": Entry("must be a list (lines starting with '- '), got {got}",
                      "phải là danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhận được {got}"),
    "not_group": Entry("must be a group of fields (key: value lines), got {got}",
                       "phải là một nhóm trường (các dòng 'tên: giá trị'), nhận được {got}"),
    "not_text": Entry("must be text, got {got}", "phải là văn bản, nhận được {got}"),
    "not_bool": Entry("must be true or false, got {got}", "phải là true hoặc false, nhận được {got}"),
    "pattern_mismatch": Entry("got {got}; must match {pattern}", "giá trị {got} không đúng dạng {pattern}"),
    "pattern_mismatch_described": Entry("got {got}; must match {pattern} ({description})",
                                        "giá trị {got} không đúng dạng {pattern} ({description})"),
    "empty_list": Entry("must not be empty; give at least one item", "không được để trống; cần ít nhất một mục"),
    "at_least": Entry("must be greater than or equal to {bound}, got {got}",
                      "phải lớn hơn hoặc bằng {bound}, nhận được {got}"),
    "at_most": Entry("must be less than or equal to {bound}, got {got}", "phải nhỏ hơn hoặc bằng {bound}, nhận được {got}"),
    "above": Entry("must be greater than {bound}, got {got}", "phải lớn hơn {bound}, nhận được {got}"),
    "below": Entry("must be less than {bound}, got {got}", "phải nhỏ hơn {bound}, nhận được {got}"),
    "in_range": Entry("must be from {low} to {high}, got {got}", "phải trong khoảng từ {low} đến {high}, nhận được {got}"),
    "above_and_at_most": Entry("must be more than {low} and at most {high}, got {got}",
                               "phải lớn hơn {low} và không quá {high}, nhận được {got}"),
    "fees_unknown": Entry("must be a list of fees, or [] when free", "phải là danh sách phí, hoặc [] khi miễn phí"),
    "invalid_value": Entry("{reason_en}", "giá trị không hợp lệ ({reason_en})"),
    # The records' own rules (cchc.models), raised as MessageError.
    "blank_text": Entry("must not be empty or only spaces", "không được để trống hoặc chỉ có dấu cách"),
    "not_web_address": Entry("must be a web address starting with https:// or http://, got {got}",
                             "phải là địa chỉ web bắt đầu bằng https:// hoặc http://, nhận được {got}"),
    "not_site_path": Entry("must be a file path inside docs/, such as assets/images/tin-tuc/anh.jpg, got {got}",
                           "phải là đường dẫn tệp trong thư mục docs/, nhận được {got}"),
    "time_limit_too_long": Entry("so must be more than 0 and at most {limit} when don_vi is {unit}, got {got}",
                                 "số (so) phải lớn hơn 0 và không quá {limit} khi đơn vị (don_vi) là {unit}, "
                                 "nhận được {got}"),
    "url_and_file": Entry("give url or tep, not both", "chỉ ghi url hoặc tep, không ghi cả hai"),
    "no_copies": Entry("give ban_chinh or ban_sao (at least 1), or set xuat_trinh: true",
                       "cần ban_chinh hoặc ban_sao (ít nhất 1 bản), hoặc ghi xuat_trinh: true"),
    "online_without_link": Entry("lien_ket_dvc is required when muc_do_dvc is toan-trinh or mot-phan",
                                 "cần lien_ket_dvc (đường dẫn nộp trực tuyến) khi muc_do_dvc là toan-trinh hoặc mot-phan"),
    "vocabulary_incomplete": Entry("must name every value the records can take: add {missing}",
                                   "phải có tên cho mọi giá trị mà hồ sơ có thể dùng: thêm {missing}"),
    "empty_set": Entry("list at least one procedure in cong_bo_moi, sua_doi, thay_the or bai_bo",
                       "cần liệt kê ít nhất một thủ tục trong cong_bo_moi, sua_doi, thay_the hoặc bai_bo"),
    "no_time_zone": Entry("give the time zone, e.g. {example} (Vietnam time)", "cần ghi múi giờ, ví dụ {example} (giờ Việt Nam)"),
    "no_credit": Entry("give tac_gia (author) or nguon (source), or both",
                       "cần tac_gia (tác giả) hoặc nguon (nguồn), hoặc cả hai"),
    "update_before_publication": Entry("ngay_cap_nhat is before ngay_dang; an update comes after publication",
                                       "ngay_cap_nhat sớm hơn ngay_dang; ngày cập nhật phải sau ngày đăng"),
    "effect_before_signing": Entry("ngay_hieu_luc is before ngay_ban_hanh; a document takes effect on or after signing",
                                   "ngay_hieu_luc sớm hơn ngay_ban_hanh; văn bản có hiệu lực từ ngày ký trở đi"),
    "rank_above_total": Entry("xep_hang {rank} is above tong_so {total}",
                              "xếp hạng (xep_hang) {rank} lớn hơn tổng số tỉnh được xếp hạng (tong_so) {total}"),
    "year_twice": Entry("a year is listed twice in nam", "một năm được ghi hai lần trong nam"),
    "score_above_top": Entry("a score is above diem_toi_da {top}", "có điểm lớn hơn điểm tối đa (diem_toi_da) {top}"),
    # Reading a file (cchc.files, cchc.yamlio, cchc.frontmatter).
    "yaml_unclosed_quote": Entry(
        "YAML syntax error: {context_en} here, {problem_en} on line {line}; a quote opened on this line is never closed",
        "lỗi cú pháp YAML: dấu nháy mở ở dòng này không được đóng (đến dòng {line} vẫn chưa đóng)"),
    "yaml_tab_at": Entry("YAML syntax error: {context_en} here, {problem_en} on line {line}; indent with spaces, not tabs",
                         "lỗi cú pháp YAML: thụt lề bằng phím Tab (dòng {line}); hãy thụt lề bằng dấu cách"),
    "yaml_syntax_at": Entry("YAML syntax error: {context_en} here, {problem_en} on line {line}",
                            "lỗi cú pháp YAML ({context_en} here, {problem_en} on line {line}); kiểm tra dấu hai chấm, "
                            "dấu nháy và thụt lề"),
    "yaml_tab": Entry("YAML syntax error: {problem_en}; indent with spaces, not tabs",
                      "lỗi cú pháp YAML: thụt lề bằng phím Tab; hãy thụt lề bằng dấu cách"),
    "yaml_syntax": Entry("YAML syntax error: {problem_en}",
                         "lỗi cú pháp YAML ({problem_en}); kiểm tra dấu hai chấm, dấu nháy và thụt lề"),
    "yaml_value": Entry("YAML value error: {problem_en}", "giá trị YAML không đọc được: {problem_en}"),
    "duplicate_field": Entry("duplicate key (first given on line {line}); give each field once",
                             "trường bị lặp (đã ghi ở dòng {line}); mỗi trường chỉ ghi một lần"),
    "empty_file": Entry("file is empty; it must hold one record", "tệp rỗng; tệp phải chứa một bản ghi"),
    "yaml_alias": Entry("YAML alias '*{name}' is not allowed: content files use no anchors (&name) or aliases (*name); "
                        "write the value out in full",
                        "không được dùng neo hoặc bí danh YAML '*{name}' (&tên, *tên); hãy viết đầy đủ giá trị"),
    "yaml_anchor": Entry("YAML anchor '&{name}' is not allowed: content files use no anchors (&name) or aliases (*name); "
                         "write the value out in full",
                         "không được dùng neo hoặc bí danh YAML '&{name}' (&tên, *tên); hãy viết đầy đủ giá trị"),
    "too_deep": Entry("values are nested more than {limit} levels deep; the limit is {limit} (check the indentation)",
                      "giá trị lồng nhau quá {limit} cấp; giới hạn là {limit} cấp (kiểm tra thụt lề)"),
    "too_many_items": Entry("a list or group holds more than {limit} items; the limit is {limit} (split the content "
                            "into several files)",
                            "một danh sách hoặc nhóm có hơn {limit} mục; giới hạn là {limit} mục (hãy tách nội dung ra "
                            "nhiều tệp)"),
    "file_too_big": Entry("file is {size} MB; a content file must stay under {limit} MB (link large documents instead "
                          "of pasting them)",
                          "tệp nặng {size} MB; tệp nội dung phải dưới {limit} MB (hãy dẫn liên kết đến văn bản lớn)"),
    "asset_too_big": Entry("file is {size} MB; a file in {folder}/ must stay under {limit} MB (make pictures smaller; "
                           "link large documents instead of adding them)",
                           "tệp nặng {size} MB; tệp trong {folder}/ phải dưới {limit} MB (hãy giảm dung lượng ảnh; văn "
                           "bản lớn thì dẫn liên kết)"),
    "symlink": Entry("is a symbolic link to {target}; content must be real files in the repository, never links (put "
                     "the file itself here)",
                     "là liên kết tượng trưng (symbolic link) trỏ đến {target}; nội dung phải là tệp thật trong kho, "
                     "không dùng liên kết (đặt chính tệp đó vào đây)"),
    "byte_order_mark": Entry("file starts with a byte order mark (BOM); save it as UTF-8 without BOM (`make fix` "
                             "removes it)",
                             "tệp bắt đầu bằng dấu BOM; lưu lại dạng UTF-8 không BOM (`make fix` tự sửa)"),
    "windows_line_ends": Entry("line ends are Windows-style (CRLF); save the file with LF line ends (`make fix` "
                               "converts them)",
                               "tệp dùng kiểu xuống dòng Windows (CRLF); lưu lại với kiểu LF (`make fix` tự sửa)"),
    "not_utf8": Entry("file is not UTF-8 text; save it as UTF-8", "tệp không phải văn bản UTF-8; hãy lưu lại dạng UTF-8"),
    "decomposed_unicode": Entry("text is in decomposed Unicode (NFD), as some programs save it: letters and their "
                                "marks are stored apart; save the file as composed Unicode (NFC) (`make fix` does it)",
                                "văn bản dùng Unicode tổ hợp (NFD), chữ và dấu bị tách rời; lưu lại dạng Unicode dựng "
                                "sẵn (NFC) (`make fix` tự sửa)"),
    "old_tone_mark": Entry("{word} puts the tone mark the old way; write {new}, as the rest of the site does",
                           "{word} đặt dấu thanh kiểu cũ; viết {new} như các trang khác"),
    "no_front_matter": Entry("the file must begin with front matter: a line '---', the fields (tieu_de: ..., khoa: ..., "
                             "...), then a closing line '---'",
                             "tệp phải bắt đầu bằng phần thông tin: một dòng '---', các trường (tieu_de: ..., khoa: "
                             "...), rồi một dòng '---' đóng lại"),
    "front_matter_open": Entry("front matter opened with '---' on line 1 is never closed; add a line '---' after the "
                               "last field",
                               "phần thông tin mở bằng '---' ở dòng 1 chưa được đóng; thêm một dòng '---' sau trường "
                               "cuối cùng"),
    "front_matter_not_fields": Entry("front matter must be fields (key: value lines)",
                                     "phần thông tin phải gồm các dòng 'tên: giá trị'"),
    # Where files are (cchc.inventory).
    "not_a_folder": Entry("must be a folder; {folder}/ holds the site's content",
                          "phải là thư mục; {folder}/ chứa nội dung của trang"),
    "too_many_files": Entry("holds more than {limit} files; the limit is {limit} files in a content folder (this many "
                            "is a mistake, such as an unpacked archive)",
                            "chứa hơn {limit} tệp; mỗi thư mục nội dung chỉ được tối đa {limit} tệp (số tệp lớn như "
                            "vậy là nhầm lẫn, ví dụ giải nén nhầm một tệp nén)"),
    "not_regular_file": Entry("is not a regular file; remove it", "không phải tệp thông thường; hãy xóa đi"),
    "yaml_extension": Entry("use the .yml extension, not .yaml", "dùng đuôi tệp .yml, không dùng .yaml"),
    "record_extension_case": Entry("the extension must be written in lower case: rename the file {name}",
                                   "đuôi tệp phải viết chữ thường: đổi tên tệp thành {name}"),
    "not_a_record": Entry("is not a record: {folder}/ holds only .yml files (save the record as .yml, or remove the "
                          "file)",
                          "không phải bản ghi: thư mục {folder}/ chỉ chứa tệp .yml (lưu bản ghi với đuôi .yml, hoặc xóa "
                          "tệp này)"),
    "in_subfolder": Entry("is inside a subfolder, which is not read; put it directly in {folder}/",
                          "nằm trong thư mục con nên không được đọc; đặt tệp ngay trong {folder}/"),
    "procedure_in_subfolder": Entry("is inside a subfolder, which is not read; put it directly in {folder}/ (procedure "
                                    "sets go in procedures/sets/)",
                                    "nằm trong thư mục con nên không được đọc; đặt tệp ngay trong {folder}/ (quyết "
                                    "định công bố để trong procedures/sets/)"),
    "unknown_data_file": Entry("is not a data file the site reads; data/ holds only {allowed}",
                               "không phải tệp dữ liệu mà trang web đọc; thư mục data/ chỉ gồm: {allowed}"),
    "page_extension": Entry("a page's file name must end in .md, in lower case: rename the file {name}",
                            "tên tệp trang phải có đuôi .md viết chữ thường: đổi tên tệp thành {name}"),
    # What records say of each other (cchc.catalogue).
    "file_missing": Entry("file is missing; the site needs it", "thiếu tệp này; trang web cần nó"),
    "synonym_is_term": Entry("{term} is the official term itself; list only citizens' other words for it",
                             "{term} chính là tên chính thức; chỉ liệt kê các cách gọi khác của người dân"),
    "not_id_map": Entry("must map ids to entries (id: then its fields, indented)",
                        "phải liệt kê các mã, mỗi mã kèm các trường của nó (thụt lề)"),
    "unknown_level": Entry("unknown level {got}; allowed: {allowed}", "Cấp thực hiện {got} không có; được dùng: {allowed}"),
    "unknown_level_in": Entry("unknown level {got}; allowed: an id listed in {where}",
                              "Cấp thực hiện {got} không có; được dùng: một mã có trong {where}"),
    "unknown_agency_level": Entry("unknown level {got}", "cấp thực hiện {got} không có"),
    "unknown_audience": Entry("unknown audience {got}; allowed: {allowed}", "Đối tượng {got} không có; được dùng: {allowed}"),
    "unknown_audience_in": Entry("unknown audience {got}; allowed: an id listed in {where}",
                                 "Đối tượng {got} không có; được dùng: một mã có trong {where}"),
    "unknown_agency": Entry("unknown agency {got}; allowed: {allowed}", "Cơ quan {got} không có; được dùng: {allowed}"),
    "unknown_agency_in": Entry("unknown agency {got}; allowed: an id listed in {where}",
                               "Cơ quan {got} không có; được dùng: một mã có trong {where}"),
    "unknown_centre": Entry("unknown centre {got}; allowed: {allowed}",
                            "Điểm tiếp nhận {got} không có; được dùng: {allowed}"),
    "unknown_centre_in": Entry("unknown centre {got}; allowed: an id listed in {where}",
                               "Điểm tiếp nhận {got} không có; được dùng: một mã có trong {where}"),
    "unknown_procedure_code": Entry("unknown procedure code {got}; allowed: {allowed}",
                                    "Mã thủ tục {got} không có; được dùng: {allowed}"),
    "unknown_procedure_code_in": Entry("unknown procedure code {got}; allowed: an id listed in {where}",
                                       "Mã thủ tục {got} không có; được dùng: một mã có trong {where}"),
    "unknown_replaced_code": Entry("unknown procedure code {got}; allowed: a code with a file in procedures/",
                                   "Mã thủ tục {got} không có; được dùng: một mã có tệp trong procedures/"),
    "unknown_document": Entry("unknown document {got}; allowed: {allowed}", "Văn bản {got} không có; được dùng: {allowed}"),
    "unknown_document_in": Entry("unknown document {got}; allowed: an id listed in {where}",
                                 "Văn bản {got} không có; được dùng: một mã có trong {where}"),
    "unknown_field": Entry("unknown field {got}; allowed: an id listed in data/fields.yml",
                           "Lĩnh vực {got} không có; được dùng: một mã có trong data/fields.yml"),
    "unknown_category": Entry("unknown category {got}; allowed: {allowed}", "Chuyên mục {got} không có; được dùng: {allowed}"),
    "unknown_set": Entry("unknown procedure set {got}; allowed: a file name (without .yml) in procedures/sets/: {allowed}",
                         "không có quyết định công bố {got}; dùng tên tệp (không có .yml) trong procedures/sets/: "
                         "{allowed}"),
    "unknown_set_none_yet": Entry("unknown procedure set {got}; allowed: a file name (without .yml) in procedures/sets/: "
                                  "none yet",
                                  "không có quyết định công bố {got}; dùng tên tệp (không có .yml) trong "
                                  "procedures/sets/: chưa có tệp nào"),
    "form_file_missing": Entry("no file docs/{path}; put the form there or correct the path",
                               "không có tệp docs/{path}; đặt tệp mẫu vào đúng chỗ đó hoặc sửa đường dẫn"),
    "code_not_file_name": Entry("code {code} does not match the file name; name the file {name}",
                                "mã {code} không khớp tên tệp; đặt tên tệp là {name}"),
    "duplicate_code": Entry("duplicate code {code}, already used by {other}; codes are unique",
                            "mã {code} bị trùng, đã dùng ở {other}; mỗi mã chỉ dùng một lần"),
    "abolished_by_set": Entry("is {status} but procedure set {set} abolishes it; set it to 'bai-bo'",
                              "đang là {status} nhưng quyết định {set} bãi bỏ thủ tục này; sửa thành 'bai-bo'"),
    "replaced_by_set": Entry("is {status} but procedure set {set} replaces it with {code}; set it to 'bai-bo'",
                             "đang là {status} nhưng quyết định {set} thay thế thủ tục này bằng {code}; sửa thành "
                             "'bai-bo'"),
    "replaced_by_document": Entry("is {status} but {document} replaces it; set it to 'het-hieu-luc'",
                                  "đang là {status} nhưng văn bản {document} thay thế hoặc bãi bỏ văn bản này; sửa thành "
                                  "'het-hieu-luc'"),
    "abolished_by_document": Entry("is {status} but {document} abolishes it; set it to 'het-hieu-luc'",
                                   "đang là {status} nhưng văn bản {document} thay thế hoặc bãi bỏ văn bản này; sửa "
                                   "thành 'het-hieu-luc'"),
    "file_name_not_id": Entry("file name {name} is not an id; use lowercase letters, digits and dashes, e.g. "
                              "118-2025-nd-cp.yml",
                              "tên tệp {name} không hợp lệ; dùng chữ thường không dấu, số và dấu gạch ngang"),
    "duplicate_number": Entry("duplicate number {number}, already registered in {other}",
                              "số hiệu {number} bị trùng, đã có ở {other}"),
    "refers_to_itself": Entry("a document cannot refer to itself", "văn bản không thể dẫn chiếu đến chính nó"),
    "unsafe_link": Entry("link target {target} is not allowed; a link may go to an http(s), mailto or tel address or "
                         "to a page of this site",
                         "liên kết {target} không được phép; chỉ liên kết đến địa chỉ http(s), mailto, tel hoặc trang "
                         "trong site"),
    # News stories (cchc.news).
    "not_a_story": Entry("only news stories (.md files) go in docs/tin-tuc/; put pictures in docs/assets/images/tin-tuc/",
                         "thư mục docs/tin-tuc/ chỉ chứa tin (.md); ảnh để trong docs/assets/images/tin-tuc/"),
    "story_not_in_year": Entry("a news story goes in the folder of its year, e.g. docs/tin-tuc/2026/ten-bai.md",
                               "tin phải nằm trong thư mục năm đăng, ví dụ docs/tin-tuc/2026/ten-bai.md"),
    "reserved_story_name": Entry("the name {name} is kept for the year's list pages; name the story after its "
                                 "headline, e.g. hoi-nghi-cai-cach-hanh-chinh.md",
                                 "tên {name} dành cho trang danh sách của năm; hãy đặt tên tệp theo tiêu đề tin"),
    "story_in_wrong_year": Entry("the story is dated {year} but its file is in the folder {folder}; move it to {target}",
                                 "tin đăng năm {year} nhưng tệp nằm trong thư mục {folder}; chuyển tệp sang {target}"),
    "story_language": Entry("the file is a story in '{lang}': write ngon_ngu: {lang} in its front matter (got {got}; "
                            "the editors' form lists each language's stories by it)",
                            "tệp là tin bằng ngôn ngữ '{lang}': ghi ngon_ngu: {lang} ở phần đầu tệp (đang là {got}; "
                            "biểu mẫu biên tập liệt kê tin theo ngôn ngữ này)"),
    "story_in_future": Entry("{date} is more than {days} days ahead; check the year (a story is published when the "
                             "site is built)",
                             "ngày {date} còn hơn {days} ngày nữa mới đến; kiểm tra lại năm"),
    "picture_missing": Entry("no file docs/{path}; upload the picture there or correct the path",
                             "không có tệp docs/{path}; tải ảnh lên đúng chỗ đó hoặc sửa đường dẫn"),
    "story_without_text": Entry("the story has no text after its front matter", "tin chưa có nội dung sau phần thông tin"),
    "duplicate_story_key": Entry("duplicate key {key}, already used by {other}; each story has its own key (its "
                                 "translation shares it)",
                                 "khóa {key} bị trùng, đã dùng ở {other}; mỗi tin một khóa (bản dịch dùng chung khóa "
                                 "với bản gốc)"),
}


def placeholders(template: str) -> set[str]:
    """The named fields of a template: 'got {got}; allowed: {allowed}' -> {'got', 'allowed'}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """One catalogue entry with its placeholders filled: the same problem in English and in Vietnamese.

    Built only from a key of :data:`CATALOGUE` (an unknown key or a missing placeholder raises at once).
    Messages sort by their English, the order `make check` prints them in.
    """

    key: str
    params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        entry = CATALOGUE[self.key]
        given = {name for name, _ in self.params}
        if given != placeholders(entry.en):
            raise TypeError(f"message {self.key!r} takes {sorted(placeholders(entry.en))}, got {sorted(given)}")

    @property
    def en(self) -> str:
        return CATALOGUE[self.key].en.format(**dict(self.params))

    @property
    def vi(self) -> str:
        return CATALOGUE[self.key].vi.format(**dict(self.params))

    def __lt__(self, other: Message) -> bool:
        return (self.en, self.key, self.params) < (other.en, other.key, other.params)


def msg(key: str, /, **params: object) -> Message:
    """The message ``key`` with its placeholders filled (each value as ``str`` gives it)."""
    return Message(key, tuple(sorted((name, str(value)) for name, value in params.items())))


class MessageError(ValueError):
    """A record's own rule broken (a model validator): pydantic keeps the exception, cchc.validate its message."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.text = msg(key, **params)
        super().__init__(self.text.en)
