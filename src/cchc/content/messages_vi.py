"""Vietnamese for every content problem: `make check` and the build print it under the English line.

The messages are written once, in English, where they are found; this table turns each pattern into
Vietnamese for the editors (civil servants who read Vietnamese first). A test checks that every message of
the bad-input catalogue has its Vietnamese, so a new message cannot be added without one.
"""

from __future__ import annotations

import re

from cchc.content.problems import Problem

_WHAT = {
    "level": "cấp thực hiện", "audience": "đối tượng", "agency": "cơ quan", "procedure code": "mã thủ tục",
    "document": "văn bản", "category": "chuyên mục", "field": "lĩnh vực",
}

# (English pattern, Vietnamese template); groups are reused by name.
_PATTERNS: list[tuple[str, str]] = [
    (r"missing; this field is required(?P<rest>.*)", "thiếu; trường này bắt buộc{rest}"),
    (r"unknown field; allowed here: (?P<a>.*)", "trường này không có trong mẫu; các trường được dùng: {a}"),
    (r"unknown (?P<what>level|audience|agency|procedure code|document|category|field) (?P<v>'.*?'); allowed: (?P<a>.*)",
     "{what} {v} không có; được dùng: {a}"),
    (r"unknown procedure set (?P<v>'.*?'); allowed: (?P<a>.*)",
     "không có quyết định công bố {v}; dùng tên tệp (không có .yml) trong procedures/sets/: {a}"),
    (r"got (?P<v>.*?); allowed: (?P<a>.*)", "giá trị {v} không hợp lệ; được dùng: {a}"),
    (r"must be a whole number, got (?P<v>.*)", "phải là số nguyên, nhận được {v}"),
    (r"must be a number, got (?P<v>.*)", "phải là số, nhận được {v}"),
    (r"must be a real date written YYYY-MM-DD, got (?P<v>'.*?')(?P<rest>.*)",
     "phải là ngày có thật, viết dạng năm-tháng-ngày YYYY-MM-DD, nhận được {v}"),
    (r"must be a list \(lines starting with '- '\), got (?P<v>.*)",
     "phải là danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhận được {v}"),
    (r"must be a group of fields \(key: value lines\), got (?P<v>.*)",
     "phải là một nhóm trường (các dòng 'tên: giá trị'), nhận được {v}"),
    (r"must be text, got (?P<v>.*)", "phải là văn bản, nhận được {v}"),
    (r"must be true or false, got (?P<v>.*)", "phải là true hoặc false, nhận được {v}"),
    (r"got (?P<v>.*?); must match (?P<p>\S+)(?P<rest>.*)", "giá trị {v} không đúng dạng {p}{rest}"),
    (r"must not be empty; give at least one item", "không được để trống; cần ít nhất một mục"),
    (r"must not be empty or only spaces", "không được để trống hoặc chỉ có dấu cách"),
    (r"must be greater than or equal to (?P<n>\S+), got (?P<v>.*)", "phải lớn hơn hoặc bằng {n}, nhận được {v}"),
    (r"must be less than or equal to (?P<n>\S+), got (?P<v>.*)", "phải nhỏ hơn hoặc bằng {n}, nhận được {v}"),
    (r"must be from (?P<a>\S+) to (?P<b>\S+), got (?P<v>.*)", "phải trong khoảng từ {a} đến {b}, nhận được {v}"),
    (r"must be more than (?P<a>\S+) and at most (?P<b>\S+), got (?P<v>.*)",
     "phải lớn hơn {a} và không quá {b}, nhận được {v}"),
    (r"so must be more than 0 and at most (?P<b>\d+) when don_vi is (?P<u>\S+), got (?P<v>.*)",
     "số (so) phải lớn hơn 0 và không quá {b} khi đơn vị (don_vi) là {u}, nhận được {v}"),
    (r"must be greater than (?P<n>\S+), got (?P<v>.*)", "phải lớn hơn {n}, nhận được {v}"),
    (r"must be a web address starting with https:// or http://, got (?P<v>.*)",
     "phải là địa chỉ web bắt đầu bằng https:// hoặc http://, nhận được {v}"),
    (r"must be a file path inside docs/.*, got (?P<v>.*)", "phải là đường dẫn tệp trong thư mục docs/, nhận được {v}"),
    (r"give the time zone, e\.g\. (?P<v>\S+) \(Vietnam time\)", "cần ghi múi giờ, ví dụ {v} (giờ Việt Nam)"),
    (r"give ban_chinh or ban_sao \(at least 1\), or set xuat_trinh: true",
     "cần ban_chinh hoặc ban_sao (ít nhất 1 bản), hoặc ghi xuat_trinh: true"),
    (r"lien_ket_dvc is required when muc_do_dvc is toan-trinh or mot-phan",
     "cần lien_ket_dvc (đường dẫn nộp trực tuyến) khi muc_do_dvc là toan-trinh hoặc mot-phan"),
    (r"list at least one procedure in .*", "cần liệt kê ít nhất một thủ tục trong cong_bo_moi, sua_doi, thay_the hoặc bai_bo"),
    (r"give tac_gia \(author\) or nguon \(source\), or both", "cần tac_gia (tác giả) hoặc nguon (nguồn), hoặc cả hai"),
    (r"ngay_cap_nhat is before ngay_dang.*", "ngay_cap_nhat sớm hơn ngay_dang; ngày cập nhật phải sau ngày đăng"),
    (r"ngay_hieu_luc is before ngay_ban_hanh.*", "ngay_hieu_luc sớm hơn ngay_ban_hanh; văn bản có hiệu lực từ ngày ký trở đi"),
    (r"YAML syntax error: while scanning a quoted scalar here, (?P<p>.*) on line (?P<n>\d+); .*",
     "lỗi cú pháp YAML: dấu nháy mở ở dòng này không được đóng (đến dòng {n} vẫn chưa đóng)"),
    (r"YAML syntax error: (?P<p>.*); indent with spaces, not tabs",
     "lỗi cú pháp YAML: thụt lề bằng phím Tab; hãy thụt lề bằng dấu cách"),
    (r"YAML syntax error: (?P<p>.*)", "lỗi cú pháp YAML ({p}); kiểm tra dấu hai chấm, dấu nháy và thụt lề"),
    (r"YAML value error: (?P<p>.*)", "giá trị YAML không đọc được: {p}"),
    (r"duplicate key \(first given on line (?P<n>\d+)\); give each field once",
     "trường bị lặp (đã ghi ở dòng {n}); mỗi trường chỉ ghi một lần"),
    (r"file is empty; it must hold one record", "tệp rỗng; tệp phải chứa một bản ghi"),
    (r"use the \.yml extension, not \.yaml", "dùng đuôi tệp .yml, không dùng .yaml"),
    (r"file is missing; the site needs it", "thiếu tệp này; trang web cần nó"),
    (r"must map ids to entries.*", "phải liệt kê các mã, mỗi mã kèm các trường của nó (thụt lề)"),
    (r"code (?P<c>'.*?') does not match the file name; name the file (?P<f>\S+)",
     "mã {c} không khớp tên tệp; đặt tên tệp là {f}"),
    (r"duplicate code (?P<c>'.*?'), already used by (?P<f>\S+); codes are unique",
     "mã {c} bị trùng, đã dùng ở {f}; mỗi mã chỉ dùng một lần"),
    (r"is (?P<s>'.*?') but procedure set (?P<q>'.*?') abolishes it; set it to 'bai-bo'",
     "đang là {s} nhưng quyết định {q} bãi bỏ thủ tục này; sửa thành 'bai-bo'"),
    (r"is (?P<s>'.*?') but procedure set (?P<q>'.*?') replaces it with (?P<c>\S+); set it to 'bai-bo'",
     "đang là {s} nhưng quyết định {q} thay thế thủ tục này bằng {c}; sửa thành 'bai-bo'"),
    (r"is (?P<s>'.*?') but (?P<d>'.*?') (?:replaces|abolishes) it; set it to 'het-hieu-luc'",
     "đang là {s} nhưng văn bản {d} thay thế hoặc bãi bỏ văn bản này; sửa thành 'het-hieu-luc'"),
    (r"file name (?P<f>'.*?') is not an id.*", "tên tệp {f} không hợp lệ; dùng chữ thường không dấu, số và dấu gạch ngang"),
    (r"duplicate number (?P<n>'.*?'), already registered in (?P<f>\S+)", "số hiệu {n} bị trùng, đã có ở {f}"),
    (r"a document cannot refer to itself", "văn bản không thể dẫn chiếu đến chính nó"),
    (r"file is (?P<n>\S+) MB; a content file must stay under (?P<m>\d+) MB.*",
     "tệp nặng {n} MB; tệp nội dung phải dưới {m} MB (hãy dẫn liên kết đến văn bản lớn)"),
    (r"file starts with a byte order mark.*", "tệp bắt đầu bằng dấu BOM; lưu lại dạng UTF-8 không BOM (`make fix` tự sửa)"),
    (r"line ends are Windows-style.*", "tệp dùng kiểu xuống dòng Windows (CRLF); lưu lại với kiểu LF (`make fix` tự sửa)"),
    (r"file is not UTF-8 text; save it as UTF-8", "tệp không phải văn bản UTF-8; hãy lưu lại dạng UTF-8"),
    (r"text is in decomposed Unicode.*", "văn bản dùng Unicode tổ hợp (NFD), chữ và dấu bị tách rời; lưu lại dạng "
     "Unicode dựng sẵn (NFC) (`make fix` tự sửa)"),
    (r"(?P<w>'.*?') puts the tone mark the old way; write (?P<n>'.*?'), .*",
     "{w} đặt dấu thanh kiểu cũ; viết {n} như các trang khác"),
    (r"the file must begin with front matter.*", "tệp phải bắt đầu bằng phần thông tin: một dòng '---', các trường "
     "(tieu_de: ..., khoa: ...), rồi một dòng '---' đóng lại"),
    (r"front matter opened with '---' on line 1 is never closed.*",
     "phần thông tin mở bằng '---' ở dòng 1 chưa được đóng; thêm một dòng '---' sau trường cuối cùng"),
    (r"front matter must be fields.*", "phần thông tin phải gồm các dòng 'tên: giá trị'"),
    (r"only news stories \(\.md files\) go in docs/tin-tuc/.*",
     "thư mục docs/tin-tuc/ chỉ chứa tin (.md); ảnh để trong docs/assets/images/tin-tuc/"),
    (r"a news story goes in the folder of its year.*", "tin phải nằm trong thư mục năm đăng, ví dụ docs/tin-tuc/2026/ten-bai.md"),
    (r"the name (?P<f>'.*?') is kept for the year's list pages.*",
     "tên {f} dành cho trang danh sách của năm; hãy đặt tên tệp theo tiêu đề tin"),
    (r"the story is dated (?P<y>\d+) but its file is in the folder (?P<f>\d+); move it to (?P<d>\S+)",
     "tin đăng năm {y} nhưng tệp nằm trong thư mục {f}; chuyển tệp sang {d}"),
    (r"(?P<d>\S+) is more than (?P<n>\d+) days ahead.*", "ngày {d} còn hơn {n} ngày nữa mới đến; kiểm tra lại năm"),
    (r"no file docs/(?P<f>\S+); upload the picture there or correct the path",
     "không có tệp docs/{f}; tải ảnh lên đúng chỗ đó hoặc sửa đường dẫn"),
    (r"no file docs/(?P<f>\S+); put the form there or correct the path",
     "không có tệp docs/{f}; đặt tệp mẫu vào đúng chỗ đó hoặc sửa đường dẫn"),
    (r"give url or tep, not both", "chỉ ghi url hoặc tep, không ghi cả hai"),
    (r"the story has no text after its front matter", "tin chưa có nội dung sau phần thông tin"),
    (r"duplicate key (?P<k>'.*?'), already used by (?P<f>\S+);.*",
     "khóa {k} bị trùng, đã dùng ở {f}; mỗi tin một khóa (bản dịch dùng chung khóa với bản gốc)"),
    (r"link target (?P<t>'.*?') is not allowed;.*",
     "liên kết {t} không được phép; chỉ liên kết đến địa chỉ http(s), mailto, tel hoặc trang trong site"),
    (r"unknown level (?P<v>'.*?')", "cấp thực hiện {v} không có"),
    # Hostile or malformed input (cchc.content.inventory, cchc.content.yamlio).
    (r"is a symbolic link to (?P<t>.*); content must be real files in the repository.*",
     "là liên kết tượng trưng (symbolic link) trỏ đến {t}; nội dung phải là tệp thật trong kho, không dùng liên kết "
     "(đặt chính tệp đó vào đây)"),
    (r"holds more than (?P<n>\d+) files; the limit is (?P<m>\d+) files in a content folder.*",
     "chứa hơn {n} tệp; mỗi thư mục nội dung chỉ được tối đa {m} tệp (số tệp lớn như vậy là nhầm lẫn, ví dụ giải nén "
     "nhầm một tệp nén)"),
    (r"file is (?P<n>\S+) MB; a file in (?P<d>\S+) must stay under (?P<m>\d+) MB.*",
     "tệp nặng {n} MB; tệp trong {d} phải dưới {m} MB (hãy giảm dung lượng ảnh; văn bản lớn thì dẫn liên kết)"),
    (r"is not a regular file; remove it", "không phải tệp thông thường; hãy xóa đi"),
    (r"must be a folder; (?P<d>\S+) holds the site's content", "phải là thư mục; {d} chứa nội dung của trang"),
    (r"is inside a subfolder, which is not read; put it directly in (?P<d>\S+?)( \(procedure sets go in "
     r"procedures/sets/\))?", "nằm trong thư mục con nên không được đọc; đặt tệp ngay trong {d}"),
    (r"the extension must be written in lower case: rename the file (?P<f>\S+)",
     "đuôi tệp phải viết chữ thường: đổi tên tệp thành {f}"),
    (r"is not a record: (?P<d>\S+) holds only \.yml files.*",
     "không phải bản ghi: thư mục {d} chỉ chứa tệp .yml (lưu bản ghi với đuôi .yml, hoặc xóa tệp này)"),
    (r"is not a data file the site reads; data/ holds only (?P<a>.*)",
     "không phải tệp dữ liệu mà trang web đọc; thư mục data/ chỉ gồm: {a}"),
    (r"a page's file name must end in \.md, in lower case: rename the file (?P<f>\S+)",
     "tên tệp trang phải có đuôi .md viết chữ thường: đổi tên tệp thành {f}"),
    (r"YAML (?:anchor|alias) (?P<a>'.*?') is not allowed: .*",
     "không được dùng neo hoặc bí danh YAML {a} (&tên, *tên); hãy viết đầy đủ giá trị"),
    (r"values are nested more than (?P<n>\d+) levels deep; the limit is (?P<m>\d+).*",
     "giá trị lồng nhau quá {n} cấp; giới hạn là {m} cấp (kiểm tra thụt lề)"),
    (r"a list or group holds more than (?P<n>\d+) items; the limit is (?P<m>\d+).*",
     "một danh sách hoặc nhóm có hơn {n} mục; giới hạn là {m} mục (hãy tách nội dung ra nhiều tệp)"),
]
_COMPILED = [(re.compile(pattern + r"$"), template) for pattern, template in _PATTERNS]


def vietnamese(message: str) -> str | None:
    """The Vietnamese of an English problem message, or None if no pattern knows it."""
    for pattern, template in _COMPILED:
        match = pattern.match(message)
        if match:
            values = {k: (v or "") for k, v in match.groupdict().items()}
            if "what" in values:
                values["what"] = _WHAT.get(values["what"], values["what"]).capitalize()
            return template.format(**values)
    return None


def bilingual(problem: Problem) -> str:
    """The problem line, then its Vietnamese on the next line (indented), when there is one."""
    vi = vietnamese(problem.message)
    return f"{problem}\n    ↳ {vi}" if vi else str(problem)
