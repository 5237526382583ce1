"""Interface strings of the generated pages, in Vietnamese (default) and English."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
# Where each language's build lives below the site root: Vietnamese at the root, English under /en/.
LANGUAGE_PREFIXES = {"vi": "", "en": "en/"}


def config_file(lang: str) -> str:
    """The MkDocs config that builds ``lang``: mkdocs.yml for the default, mkdocs.<lang>.yml otherwise."""
    return "mkdocs.yml" if lang == DEFAULT_LANGUAGE else f"mkdocs.{lang}.yml"

_STRINGS: dict[str, dict[str, str]] = {
    # The leaflet (leaflet.py)
    "leaflet_title": {"vi": "Tờ rơi cải cách hành chính", "en": "Administrative reform leaflet"},
    "leaflet_intro": {
        "vi": "Tờ rơi khổ A4 gấp ba, in hai mặt. Xem trước dưới đây; khi in từ trình duyệt, mỗi mặt là một trang A4 "
              "ngang. Bản PDF dành cho cơ sở in:",
        "en": "An A4 tri-fold leaflet, printed on both sides. Preview below; printed from the browser, each side is "
              "one landscape A4 page. The PDF for print shops:",
    },
    "leaflet_pdf": {"vi": "Tải tờ rơi (PDF, 2 trang A4 ngang)", "en": "Download the leaflet (PDF, 2 landscape A4 pages)"},
    "leaflet_outside": {"vi": "Mặt ngoài", "en": "Outside"},
    "leaflet_inside": {"vi": "Mặt trong", "en": "Inside"},
    "leaflet_how": {"vi": "Nộp hồ sơ ở đâu, thế nào?", "en": "Where and how to apply"},
    "leaflet_online": {"vi": "Trực tuyến", "en": "Online"},
    "leaflet_post": {"vi": "Qua bưu chính", "en": "By post"},
    "leaflet_hotlines": {"vi": "Đường dây nóng", "en": "Hotlines"},
    "leaflet_feedback": {"vi": "Phản ánh, kiến nghị", "en": "Feedback"},
    "leaflet_benefits": {"vi": "Cải cách hành chính mang lại cho bạn", "en": "What reform means for you"},
    "leaflet_procedures": {"vi": "Thủ tục thường dùng", "en": "Most used procedures"},
    "leaflet_more": {"vi": "Thủ tục thường dùng (tiếp)", "en": "Most used procedures (continued)"},
    "leaflet_time": {"vi": "Thời hạn", "en": "Time"},
    "leaflet_fee": {"vi": "Phí", "en": "Fee"},
    "leaflet_qr_site": {"vi": "Trang thông tin cải cách hành chính", "en": "Administrative reform site"},
    "leaflet_qr_portal": {"vi": "Nộp hồ sơ trực tuyến", "en": "Apply online"},
    "leaflet_qr_feedback": {"vi": "Gửi phản ánh, kiến nghị", "en": "Send feedback"},
    "leaflet_qr": {"vi": "Mã QR", "en": "QR code"},
    # The CCHC section's own pages (cchc.site.portal)
    "home_title": {"vi": "Cải cách hành chính {province}", "en": "Administrative reform in {province}"},
    "home_search_label": {"vi": "Tìm thủ tục, tin tức, văn bản", "en": "Search procedures, news and documents"},
    "home_search_hint": {"vi": "Gõ có dấu hoặc không dấu, ví dụ: dang ky khai sinh",
                         "en": "With or without Vietnamese marks, e.g. birth registration"},
    "quick_links": {"vi": "Truy cập nhanh", "en": "Quick links"},
    "latest_news": {"vi": "Tin mới", "en": "Latest news"},
    "latest_changes": {"vi": "Thủ tục mới công bố, sửa đổi", "en": "Newest procedure changes"},
    "all_sets": {"vi": "Các quyết định công bố", "en": "All publishing decisions"},
    "hotline_box": {"vi": "Đường dây nóng", "en": "Hotlines"},
    "indices_glance": {"vi": "Chỉ số cải cách của tỉnh", "en": "The province's reform indices"},
    "centres_title": {"vi": "Nơi nộp hồ sơ", "en": "Where to apply"},
    "centres_intro": {
        "vi": "Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa các xã, phường tiếp nhận hồ sơ, "
              "trả kết quả và hướng dẫn thủ tục.",
        "en": "The provincial Public Administration Service Centre and the commune and ward one-stop desks accept "
              "applications, hand out results and explain procedures.",
    },
    "opening_hours": {"vi": "Giờ làm việc", "en": "Opening hours"},
    "phone": {"vi": "Điện thoại", "en": "Phone"},
    "email": {"vi": "Thư điện tử", "en": "Email"},
    "map": {"vi": "Xem bản đồ (OpenStreetMap)", "en": "Show on a map (OpenStreetMap)"},
    "receives": {"vi": "Tiếp nhận", "en": "Accepts"},
    "receives_fields": {"vi": "Lĩnh vực", "en": "Fields"},
    "feedback_title": {"vi": "Đường dây nóng, phản ánh và kiến nghị", "en": "Hotlines and feedback"},
    "feedback_channels": {"vi": "Cách gửi phản ánh, kiến nghị", "en": "How to send feedback"},
    "postal": {"vi": "Gửi thư", "en": "By post"},
    "national_feedback": {"vi": "Hệ thống phản ánh, kiến nghị quốc gia", "en": "National feedback system"},
    "feedback_process": {"vi": "Phản ánh được xử lý thế nào", "en": "How feedback is handled"},
    "feedback_time": {"vi": "Thời hạn", "en": "How fast"},
    "line": {"vi": "Đường dây", "en": "Line"},
    "answered": {"vi": "Thời gian", "en": "When"},
    "indices_title": {"vi": "Chỉ số cải cách hành chính", "en": "Reform indices"},
    "indices_intro": {
        "vi": "Kết quả đánh giá của tỉnh qua các năm. Mỗi biểu đồ có bảng số liệu đi kèm.",
        "en": "How the province was rated year by year. Every chart has its figures in a table beside it.",
    },
    "sample_figures": {
        "vi": "Số liệu minh họa, chưa phải kết quả công bố chính thức.",
        "en": "Placeholder figures, not the officially published results.",
    },
    "year": {"vi": "Năm", "en": "Year"},
    "score": {"vi": "Điểm", "en": "Score"},
    "rank": {"vi": "Xếp hạng", "en": "Rank"},
    "rank_of": {"vi": "{rank}/{total}", "en": "{rank} of {total}"},
    "faq_title": {"vi": "Hỏi đáp", "en": "Questions and answers"},
    "committee_title": {"vi": "Ban Chỉ đạo cải cách hành chính", "en": "Reform steering committee"},
    "committee_decision": {"vi": "Quyết định", "en": "Decision"},
    "committee_duties": {"vi": "Nhiệm vụ", "en": "Duties"},
    "committee_members": {"vi": "Thành viên", "en": "Members"},
    "committee_role": {"vi": "Chức vụ trong Ban", "en": "Role"},
    "committee_office": {"vi": "Chức danh", "en": "Office"},
    "online_title": {"vi": "Dịch vụ công trực tuyến", "en": "Online public services"},
    "online_intro": {
        "vi": "Nộp hồ sơ, theo dõi và nhận kết quả trên mạng, đăng nhập bằng tài khoản định danh điện tử (VNeID).",
        "en": "Apply, follow your application and receive results online, signing in with your VNeID account.",
    },
    "provincial_portal": {"vi": "Cổng Dịch vụ công tỉnh", "en": "Provincial online public service portal"},
    "national_portal": {"vi": "Cổng Dịch vụ công quốc gia", "en": "National Public Service Portal"},
    "fully_online": {"vi": "Thủ tục trực tuyến toàn trình", "en": "Procedures fully online"},
    "partly_online": {"vi": "Thủ tục trực tuyến một phần", "en": "Procedures partly online"},
    "leaflet_link": {"vi": "Tờ rơi", "en": "Leaflet"},
    "report_problem": {"vi": "Báo lỗi trang này", "en": "Report a problem with this page"},
    "print": {"vi": "In trang này", "en": "Print this page"},
    "report_subject": {"vi": "Báo lỗi trang", "en": "Problem with the page"},
    "report_body": {"vi": "Địa chỉ trang", "en": "Page address"},
    "accessibility": {"vi": "Tuyên bố về khả năng tiếp cận", "en": "Accessibility statement"},
    "responsible_agency": {"vi": "Cơ quan chủ quản", "en": "Responsible agency"},
    "responsible_person": {"vi": "Người chịu trách nhiệm", "en": "Person responsible"},
    "licence": {"vi": "Giấy phép", "en": "Licence"},
    "procedures": {"vi": "Thủ tục hành chính", "en": "Administrative procedures"},
    "code": {"vi": "Mã thủ tục", "en": "Procedure code"},
    "local_code": {"vi": "Mã địa phương", "en": "Local code"},
    "field": {"vi": "Lĩnh vực", "en": "Field"},
    "fields": {"vi": "Lĩnh vực", "en": "Fields"},
    "level": {"vi": "Cấp thực hiện", "en": "Level"},
    "levels": {"vi": "Cấp thực hiện", "en": "Levels of government"},
    "agency": {"vi": "Cơ quan thực hiện", "en": "Implementing agency"},
    "agencies": {"vi": "Cơ quan thực hiện", "en": "Agencies"},
    "online_levels": {"vi": "Mức độ dịch vụ công trực tuyến", "en": "Online public-service level"},
    "sets": {"vi": "Quyết định công bố thủ tục hành chính", "en": "Procedure publication decisions"},
    "type": {"vi": "Loại thủ tục", "en": "Procedure type"},
    "who": {"vi": "Ai thực hiện thủ tục này?", "en": "Who is this procedure for?"},
    "time_and_fees": {"vi": "Thời hạn giải quyết và phí, lệ phí", "en": "Time limit and fees"},
    "channel": {"vi": "Cách nộp", "en": "How to submit"},
    "time_limit": {"vi": "Thời hạn giải quyết", "en": "Time limit"},
    "fees": {"vi": "Phí, lệ phí", "en": "Fees and charges"},
    "description": {"vi": "Mô tả", "en": "Description"},
    "free": {"vi": "Miễn phí", "en": "Free"},
    "not_stated": {"vi": "Chưa có thông tin", "en": "Not stated"},
    "not_stated_long": {
        "vi": "Cơ sở dữ liệu quốc gia chưa có thông tin này; vui lòng liên hệ cơ quan thực hiện.",
        "en": "The national database does not give this yet; please ask the agency.",
    },
    "local_note": {"vi": "Lưu ý của tỉnh", "en": "Note from the province"},
    "source_cong-dvc-quoc-gia": {"vi": "Cổng Dịch vụ công quốc gia", "en": "National Public Service Portal"},
    "source_csdl-quoc-gia-tthc": {
        "vi": "Cơ sở dữ liệu quốc gia về thủ tục hành chính", "en": "National database of administrative procedures",
    },
    "national_decision": {"vi": "quyết định công bố", "en": "publishing decision"},
    "verbatim_title": {"vi": "Nguyên văn từ Cơ sở dữ liệu quốc gia", "en": "Word for word from the national database"},
    "verbatim_note": {
        "vi": "Thông tin dưới đây về “{part}” được giữ nguyên văn từ Cơ sở dữ liệu quốc gia, chưa được trình bày lại.",
        "en": "The information below on “{part}” is kept word for word from the national database, in Vietnamese; "
              "it has not been set out again yet.",
    },
    "verbatim_other": {"vi": "Thông tin khác", "en": "Other information"},
    "documents": {"vi": "Hồ sơ cần chuẩn bị", "en": "What to bring"},
    "dossier_count": {"vi": "Số lượng hồ sơ", "en": "Number of dossier sets"},
    "download_form": {"vi": "Tải mẫu", "en": "Download form"},
    "form": {"vi": "Mẫu", "en": "Form"},
    "file_type": {"vi": "tệp {kind}", "en": "{kind} file"},
    "originals": {"vi": "bản chính", "en": "originals"},
    "copies": {"vi": "bản sao", "en": "copies"},
    "show_only": {"vi": "xuất trình bản chính để đối chiếu", "en": "show the original for checking"},
    "where": {"vi": "Nơi nộp và thời gian tiếp nhận", "en": "Where and when to submit"},
    "address": {"vi": "Địa chỉ tiếp nhận", "en": "Where to submit"},
    "hours": {"vi": "Thời gian tiếp nhận", "en": "Opening hours"},
    "where_centres": {"vi": "{level}: nơi tiếp nhận hồ sơ", "en": "{level}: where applications are received"},
    "where_centres_hours": {  # the record gives its own address, not the hours
        "vi": "{level}: giờ làm việc tại các nơi tiếp nhận hồ sơ của tỉnh",
        "en": "{level}: opening hours at the province's receiving centres",
    },
    "where_agency": {
        "vi": "{level}: nộp hồ sơ tại {agencies}{online}; thời gian tiếp nhận theo giờ làm việc do cơ quan công bố.",
        "en": "{level}: apply to {agencies}{online}; opening hours as the agency publishes them.",
    },
    "where_agency_online": {"vi": " hoặc trực tuyến qua {portal}", "en": " or online through the {portal}"},
    "where_agency_unnamed": {"vi": "cơ quan có thẩm quyền giải quyết thủ tục", "en": "the authority that decides it"},
    "steps": {"vi": "Trình tự thực hiện", "en": "Steps"},
    "conditions": {"vi": "Yêu cầu, điều kiện", "en": "Requirements and conditions"},
    "no_conditions": {"vi": "Không có yêu cầu, điều kiện riêng.", "en": "No special requirements."},
    "result": {"vi": "Kết quả thực hiện", "en": "Result"},
    "result_code": {"vi": "Mã kết quả", "en": "Result code"},
    "legal_basis": {"vi": "Căn cứ pháp lý", "en": "Legal basis"},
    "online": {"vi": "Dịch vụ công trực tuyến", "en": "Online public service"},
    "submit_online": {"vi": "Nộp hồ sơ trực tuyến", "en": "Apply online"},
    "apply_via_national": {
        "vi": "Mở trang của thủ tục trên Cổng Dịch vụ công quốc gia.",
        "en": "Opens the procedure's page on the National Public Service Portal.",
    },
    "apply_via_province": {
        "vi": "Mở Cổng Dịch vụ công của tỉnh; tìm thủ tục theo mã {code}.",
        "en": "Opens the province's online public service portal; find the procedure there by its code, {code}.",
    },
    "online_unpublished_channel": {
        "vi": "Thủ tục này có thể nộp hồ sơ trực tuyến; mức độ dịch vụ công trực tuyến chưa được công bố.",
        "en": "You can apply for this procedure online; its online public-service level has not been published.",
    },
    "online_unpublished": {
        "vi": "Mức độ dịch vụ công trực tuyến của thủ tục này chưa được công bố.",
        "en": "The online public-service level of this procedure has not been published.",
    },
    "online_channel_only": {
        "vi": "Thủ tục có thể nộp trực tuyến, chưa công bố mức độ",
        "en": "Procedures you can apply for online, level not published",
    },
    "not_online": {
        "vi": "Thủ tục này chưa được cung cấp dịch vụ công trực tuyến; vui lòng nộp trực tiếp hoặc qua bưu chính.",
        "en": "This procedure is not yet offered online; please submit in person or by post.",
    },
    "related": {"vi": "Thủ tục liên quan", "en": "Related procedures"},
    "decision": {"vi": "Quyết định công bố", "en": "Publishing decision"},
    "history": {"vi": "Lịch sử thay đổi", "en": "History"},
    "last_updated": {"vi": "Cập nhật lần cuối", "en": "Last updated"},
    "last_reviewed": {"vi": "Thông tin được rà soát ngày", "en": "Information checked on"},
    "coordinating": {"vi": "Cơ quan phối hợp", "en": "Coordinating agencies"},
    "competent": {"vi": "Cơ quan có thẩm quyền", "en": "Competent authority"},
    "delegated": {"vi": "Cơ quan được ủy quyền", "en": "Delegated agency"},
    "abolished_note": {
        "vi": "Thủ tục không còn được áp dụng. Trang được giữ lại để tra cứu.",
        "en": "The procedure no longer applies. This page is kept for reference.",
    },
    "replaced_by": {"vi": "Được thay thế bằng", "en": "Replaced by"},
    "by_decision": {"vi": "theo", "en": "by"},
    "change_cong_bo_moi": {"vi": "Công bố mới", "en": "Newly published"},
    "change_sua_doi": {"vi": "Sửa đổi, bổ sung", "en": "Amended"},
    "change_thay_the": {"vi": "Thay thế thủ tục", "en": "Replaces"},
    "change_bi_thay_the": {"vi": "Bị thay thế bởi", "en": "Replaced by"},
    "change_bai_bo": {"vi": "Bãi bỏ", "en": "Abolished"},
    "signed_by": {"vi": "Người ký", "en": "Signed by"},
    "issued_by": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "issued_on": {"vi": "Ngày ban hành", "en": "Date issued"},
    "full_text": {"vi": "Xem toàn văn quyết định", "en": "Read the decision"},
    "count_procedures": {"vi": "{n} thủ tục", "en": "{n} procedures"},
    "browse_intro": {
        "vi": "Tra cứu thủ tục hành chính theo lĩnh vực, cấp thực hiện, cơ quan hoặc mức độ dịch vụ công trực tuyến.",
        "en": "Find an administrative procedure by field, level of government, agency or online-service level.",
    },
    "none": {"vi": "Không có.", "en": "None."},
    "case": {"vi": "Trường hợp", "en": "Case"},
    "untranslated_notice": {
        "vi": "",
        "en": "Parts of this page have not been translated into English yet. They are shown in Vietnamese.",
    },
    "online_toan-trinh": {"vi": "Toàn trình", "en": "Fully online"},
    "online_mot-phan": {"vi": "Một phần", "en": "Partly online"},
    "online_khong": {"vi": "Chưa trực tuyến", "en": "Not online"},
    "online_chua-cong-bo": {"vi": "Chưa công bố mức độ", "en": "Level not published"},
    "news": {"vi": "Tin tức", "en": "News"},
    "news_intro": {
        "vi": "Tin tức về cải cách hành chính của tỉnh, mới nhất trước.",
        "en": "News about the province's administrative reform, newest first.",
    },
    "categories": {"vi": "Chuyên mục", "en": "Categories"},
    "category": {"vi": "Chuyên mục", "en": "Category"},
    "archive": {"vi": "Lưu trữ theo năm", "en": "Archive by year"},
    "news_year": {"vi": "Tin tức năm {year}", "en": "News from {year}"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "author": {"vi": "Tác giả", "en": "Author"},
    "tags": {"vi": "Từ khóa", "en": "Tags"},
    "updated": {"vi": "Cập nhật", "en": "Updated"},
    "related_news": {"vi": "Tin liên quan", "en": "Related news"},
    "older_story": {"vi": "Tin cũ hơn", "en": "Older story"},
    "newer_story": {"vi": "Tin mới hơn", "en": "Newer story"},
    "story_nav": {"vi": "Tin trước và tin sau", "en": "Previous and next stories"},
    "pages_nav": {"vi": "Phân trang", "en": "Pages"},
    "page_n": {"vi": "Trang {n}", "en": "Page {n}"},
    "page_of": {"vi": "Trang {n}/{total}", "en": "Page {n} of {total}"},
    "previous_page": {"vi": "Trang trước", "en": "Previous page"},
    "next_page": {"vi": "Trang sau", "en": "Next page"},
    "no_news": {"vi": "Chưa có tin trong mục này.", "en": "There is no news in this section yet."},
    "count_news": {"vi": "{n} tin", "en": "{n} stories"},
    "all_news": {"vi": "Tất cả tin tức", "en": "All news"},
    "feeds": {"vi": "Kênh tin RSS và Atom", "en": "RSS and Atom feeds"},
    "feeds_intro": {
        "vi": "Các cổng thông tin, báo điện tử và trang tin của cơ quan, địa phương có thể đăng lại tin tức "
        "của trang bằng các kênh tin dưới đây. Mỗi kênh có hai định dạng: RSS 2.0 và Atom 1.0; mỗi tin có "
        "mã định danh cố định, không đổi khi tin được sửa.",
        "en": "Portals, newspapers and the websites of agencies and communes can republish our news through "
        "the feeds below. Each feed comes as RSS 2.0 and as Atom 1.0; every entry has a permanent identifier "
        "that does not change when a story is corrected.",
    },
    "feed_news": {"vi": "Tất cả tin tức", "en": "All news"},
    "feed_changes": {"vi": "Thay đổi thủ tục hành chính", "en": "Changes to administrative procedures"},
    "feed_changes_intro": {
        "vi": "Kênh “Thay đổi thủ tục hành chính” báo tin mỗi khi một thủ tục được công bố mới, sửa đổi, thay thế "
        "hoặc bãi bỏ theo quyết định công bố của Chủ tịch Ủy ban nhân dân tỉnh.",
        "en": "The “Changes to administrative procedures” feed reports every procedure newly published, amended, "
        "replaced or abolished by a publication decision.",
    },
    "feed_terms": {
        "vi": "Khi đăng lại, vui lòng ghi rõ nguồn và dẫn liên kết về bài gốc.",
        "en": "When republishing, please credit the source and link to the original story.",
    },
    "feed": {"vi": "Kênh tin", "en": "Feed"},
    "documents_title": {"vi": "Văn bản chỉ đạo điều hành", "en": "Legal and guiding documents"},
    "documents_intro": {
        "vi": "Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành về cải cách hành chính và thủ tục hành chính.",
        "en": "Laws, decrees and the guiding documents on administrative reform and administrative procedures.",
    },
    "doc_number": {"vi": "Số hiệu", "en": "Number"},
    "doc_type": {"vi": "Loại văn bản", "en": "Type"},
    "doc_title": {"vi": "Trích yếu", "en": "Title"},
    "doc_effective": {"vi": "Ngày hiệu lực", "en": "Takes effect"},
    "doc_status": {"vi": "Tình trạng hiệu lực", "en": "Status"},
    "doc_full_text": {"vi": "Xem toàn văn", "en": "Read the full text"},
    "doc_filter_type": {"vi": "Theo loại văn bản", "en": "By type"},
    "doc_filter_year": {"vi": "Theo năm ban hành", "en": "By year issued"},
    "doc_filter_status": {"vi": "Theo tình trạng hiệu lực", "en": "By status"},
    "doc_all": {"vi": "Tất cả văn bản", "en": "All documents"},
    "doc_year": {"vi": "Văn bản ban hành năm {year}", "en": "Documents issued in {year}"},
    "count_documents": {"vi": "{n} văn bản", "en": "{n} documents"},
    "doc_relations": {"vi": "Quan hệ với văn bản khác", "en": "Related documents"},
    "doc_procedures": {"vi": "Thủ tục hành chính căn cứ văn bản này", "en": "Procedures based on this document"},
    "rel_can_cu": {"vi": "Căn cứ", "en": "Based on"},
    "rel_sua_doi": {"vi": "Sửa đổi, bổ sung", "en": "Amends"},
    "rel_thay_the": {"vi": "Thay thế", "en": "Replaces"},
    "rel_bai_bo": {"vi": "Bãi bỏ", "en": "Abolishes"},
    "inv_can_cu": {"vi": "Là căn cứ của", "en": "Cited as a basis by"},
    "inv_sua_doi": {"vi": "Được sửa đổi, bổ sung bởi", "en": "Amended by"},
    "inv_thay_the": {"vi": "Bị thay thế bởi", "en": "Replaced by"},
    "inv_bai_bo": {"vi": "Bị bãi bỏ bởi", "en": "Abolished by"},
    "search_title": {"vi": "Tìm kiếm", "en": "Search"},
    "search_label": {"vi": "Từ khóa hoặc mã thủ tục", "en": "Words or procedure code"},
    "search_button": {"vi": "Tìm", "en": "Search"},
    "search_tips": {
        "vi": "Có thể gõ không dấu, ví dụ “thu tuc dang ky khai sinh”, hoặc nhập mã thủ tục như 1.001193.",
        "en": "Type a few words, such as “birth registration”, or a procedure code such as 1.001193.",
    },
    "search_noscript": {
        "vi": "Tìm kiếm cần JavaScript. Bạn vẫn có thể tra cứu thủ tục theo lĩnh vực, cấp thực hiện, cơ quan "
        "hoặc mức độ dịch vụ công trực tuyến:",
        "en": "Search needs JavaScript. You can still find procedures by field, level, agency or online level:",
    },
    "search_loading": {"vi": "Đang tìm…", "en": "Searching…"},
    "search_count": {"vi": "{n} kết quả cho “{q}”", "en": "{n} results for “{q}”"},
    "search_none": {
        "vi": "Không tìm thấy kết quả cho “{q}”. Hãy thử ít từ hơn, kiểm tra chính tả, gõ không dấu, hoặc tra "
        "cứu thủ tục theo lĩnh vực tại trang Thủ tục hành chính. Cần hỗ trợ, vui lòng gọi đường dây nóng {phone}.",
        "en": "No results for “{q}”. Try fewer words, check the spelling, or browse procedures by field on the "
        "Administrative procedures page. For help, call the hotline {phone}.",
    },
    "search_error": {
        "vi": "Không tải được bộ tìm kiếm. Vui lòng tải lại trang hoặc tra cứu theo danh mục.",
        "en": "The search could not be loaded. Please reload the page or browse the lists.",
    },
    "search_more": {"vi": "Xem thêm kết quả", "en": "More results"},
    "suggest_label": {"vi": "Kết quả gợi ý", "en": "Suggested results"},
    "suggest_count": {
        "vi": "{n} kết quả gợi ý. Dùng phím mũi tên để chọn, Enter để mở.",
        "en": "{n} suggested results. Use the arrow keys to choose one, Enter to open it.",
    },
    "suggest_none": {
        "vi": "Không có kết quả gợi ý. Nhấn Enter để tìm trên trang Tìm kiếm.",
        "en": "No suggested results. Press Enter to search on the Search page.",
    },
    "kind_procedure": {"vi": "Thủ tục hành chính", "en": "Administrative procedure"},
    "kind_news": {"vi": "Tin tức", "en": "News"},
    "kind_document": {"vi": "Văn bản", "en": "Document"},
    "kind_list": {"vi": "Danh mục", "en": "List"},
    "kind_page": {"vi": "Trang thông tin", "en": "Page"},
    "finder_title": {"vi": "Tra cứu thủ tục hành chính", "en": "Procedure finder"},
    "finder_intro": {
        "vi": "Chọn lĩnh vực, cấp thực hiện, cơ quan, đối tượng hoặc mức độ dịch vụ công trực tuyến, có thể kết "
        "hợp với từ khóa, để tìm đúng thủ tục.",
        "en": "Choose a field, level, agency, audience or online level, with or without words, to find a procedure.",
    },
    "finder_any": {"vi": "Tất cả", "en": "All"},
    "finder_words": {"vi": "Từ khóa (không bắt buộc)", "en": "Words (optional)"},
    "finder_audience": {"vi": "Đối tượng thực hiện", "en": "Who applies"},
    "finder_submit": {"vi": "Tra cứu", "en": "Find"},
    "finder_reset": {"vi": "Xóa bộ lọc", "en": "Clear filters"},
    "finder_browse": {"vi": "Hoặc duyệt danh mục", "en": "Or browse the lists"},
    "finder_count": {"vi": "{n} thủ tục phù hợp", "en": "{n} matching procedures"},
    "finder_none": {
        "vi": "Không có thủ tục nào khớp với các điều kiện đã chọn. Hãy bỏ bớt một điều kiện.",
        "en": "No procedure matches all the choices. Try removing one.",
    },
    "switch_language": {"vi": "English", "en": "Tiếng Việt"},
    # Link previews and structured data (cchc.site.sharing): each section's name on its share image and in
    # breadcrumbs; the procedure summary's labels.
    "share_section_home": {"vi": "Trang chủ", "en": "Home"},
    "share_section_thu-tuc": {"vi": "Thủ tục hành chính", "en": "Administrative procedures"},
    "share_section_dich-vu-cong": {"vi": "Dịch vụ công trực tuyến", "en": "Online services"},
    "share_section_mot-cua": {"vi": "Nơi nộp hồ sơ", "en": "Where to apply"},
    "share_section_phan-anh-kien-nghi": {"vi": "Phản ánh, kiến nghị", "en": "Feedback"},
    "share_section_tin-tuc": {"vi": "Tin tức", "en": "News"},
    "share_section_van-ban": {"vi": "Văn bản", "en": "Documents"},
    "share_section_gioi-thieu": {"vi": "Giới thiệu", "en": "About"},
    "share_section_ban-chi-dao": {"vi": "Ban Chỉ đạo", "en": "Steering committee"},
    "share_section_chi-so": {"vi": "Chỉ số cải cách", "en": "Reform indices"},
    "share_section_hoi-dap": {"vi": "Hỏi đáp", "en": "Questions and answers"},
    "share_section_tiep-can": {"vi": "Khả năng tiếp cận", "en": "Accessibility"},
    "share_section_to-roi": {"vi": "Tờ rơi", "en": "Leaflet"},
    "share_section_tim-kiem": {"vi": "Tìm kiếm", "en": "Search"},
    "share_section_du-lieu-mo": {"vi": "Dữ liệu mở", "en": "Open data"},
    "share_time": {"vi": "Thời hạn", "en": "Time"},
    "share_fee": {"vi": "Phí", "en": "Fee"},
    # The open-data page (cchc.site.opendata)
    "opendata_title": {"vi": "Dữ liệu mở", "en": "Open data"},
    "opendata_intro": {
        "vi": "Danh mục thủ tục hành chính, quyết định công bố, văn bản và tin tức của trang, đầy đủ và cập nhật theo "
              "mỗi lần xuất bản, ở định dạng mở (CSV, JSON), miễn phí (Nghị định 47/2020/NĐ-CP). Tên cột cố định; "
              "bảng phụ nối với bảng thủ tục qua cột <code>ma_thu_tuc</code>.",
        "en": "The site's procedure catalogue, procedure sets, documents and news, complete and current with every "
              "publication, in open formats (CSV, JSON), free (Decree 47/2020/ND-CP). Column names are stable; the "
              "related tables join the procedures table on the <code lang=\"vi\">ma_thu_tuc</code> column.",
    },
    "opendata_licence": {"vi": "Giấy phép", "en": "Licence"},
    "opendata_source": {"vi": "Nguồn", "en": "Source"},
    "opendata_column": {"vi": "Cột", "en": "Column"},
    "opendata_type": {"vi": "Kiểu", "en": "Type"},
    "opendata_meaning": {"vi": "Ý nghĩa", "en": "Meaning"},
}


# English singular of the counted strings above, whose English is the plural: "1 original", "2 originals",
# "1 working day". Vietnamese nouns do not change with the number.
_SINGULAR_EN = {
    "originals": "original", "copies": "copy", "count_procedures": "{n} procedure", "count_documents": "{n} document",
    "search_count": "{n} result for “{q}”", "finder_count": "{n} matching procedure",
    "suggest_count": "{n} suggested result. Use the down arrow key to choose it, Enter to open it.",
}


def singular(key: str, lang: str) -> str:
    """The form of the counted string ``key`` for exactly one, unformatted (the search script fills it in)."""
    return _singular_en(key) if lang == "en" else _forms(key)[lang]


# The closed vocabularies' names (units, channel kinds, statuses, document types: unit_ngay, channel_truc-tiep,
# status_bai-bo, doctype_luat, docstatus_het-hieu-luc): read from the site's data/vocabulary.yml, validated, by
# cchc.content.catalogue.load_catalogue, which hands them here (use_vocabulary) before any page is planned.
_VOCABULARY: dict[str, dict[str, str]] = {}
_VOCABULARY_SINGULAR_EN: dict[str, str] = {}


def use_vocabulary(strings: Mapping[str, Mapping[str, str]], singular_en: Mapping[str, str]) -> None:
    """Make the vocabulary of the content just loaded the one ``t`` and ``tn`` name values with."""
    _VOCABULARY.clear()
    _VOCABULARY.update({key: dict(names) for key, names in strings.items()})
    _VOCABULARY_SINGULAR_EN.clear()
    _VOCABULARY_SINGULAR_EN.update(singular_en)


def _forms(key: str) -> dict[str, str]:
    found = _STRINGS.get(key) or _VOCABULARY.get(key)
    if found is None:
        loaded = "" if _VOCABULARY else " (data/vocabulary.yml not loaded yet: load_catalogue reads it)"
        raise KeyError(f"{key!r}{loaded}")
    return found


def _singular_en(key: str) -> str:
    return _SINGULAR_EN.get(key) or _VOCABULARY_SINGULAR_EN[key]


def tn(key: str, n: float, lang: str, number: str | None = None) -> str:
    """A count with its noun in ``lang``: the singular form for exactly one, else the plural. ``number`` is ``n``
    as the page writes it (default: as given); a string with ``{n}`` places it, others follow it."""
    form = _singular_en(key) if lang == "en" and n == 1 else _forms(key)[lang]
    shown = number if number is not None else f"{n:g}"
    return form.format(n=shown) if "{n}" in form else f"{shown} {form}"


def t(key: str, lang: str, **values: object) -> str:
    """The interface string ``key`` in ``lang``; a missing key is a programming error and raises."""
    text = _forms(key)[lang]
    return text.format(**values) if values else text


def language_of(src_uri: str) -> tuple[str, str]:
    """'about.en.md' -> ('en', 'about.md'); 'about.md' -> ('vi', 'about.md')."""
    for lang in LANGUAGES:
        suffix = f".{lang}.md"
        if lang != DEFAULT_LANGUAGE and src_uri.endswith(suffix):
            return lang, src_uri[: -len(suffix)] + ".md"
    return DEFAULT_LANGUAGE, src_uri


def plan_localized_docs(src_uris: list[str], lang: str) -> tuple[dict[str, str], set[str]]:
    """Which hand-written page serves each address in ``lang``.

    Returns {address: source file} for the Markdown pages of that language's build, and the addresses
    that fall back to the Vietnamese source because no translation exists yet.
    """
    by_lang: dict[str, dict[str, str]] = {code: {} for code in LANGUAGES}
    for uri in src_uris:
        if uri.endswith(".md"):
            file_lang, address = language_of(uri)
            by_lang[file_lang][address] = uri
    chosen = dict(by_lang[DEFAULT_LANGUAGE])
    chosen.update(by_lang[lang])
    fallback = set() if lang == DEFAULT_LANGUAGE else set(by_lang[DEFAULT_LANGUAGE]) - set(by_lang[lang])
    return chosen, fallback


def alternate_links(
    site_url: str, lang: str, page_url: str, targets: dict[str, tuple[str, bool]] | None = None
) -> list[dict[str, object]]:
    """The same page in every language: ``link`` absolute (hreflang), ``href`` relative (the switcher).

    ``site_url`` is the URL of ``lang``'s build. The relative form keeps the switcher working wherever
    the site is served, a preview included. ``targets`` gives, per language, another page URL when the
    counterpart lives elsewhere (a translated story has its own file name) with whether it is the same
    content (``exact``, which alone earns an hreflang link) or only the nearest page (a news index).
    """
    prefixes = LANGUAGE_PREFIXES
    site_root = site_url.removesuffix(prefixes[lang])
    up = "../" * (prefixes[lang] + page_url).count("/")
    out: list[dict[str, object]] = []
    for code in LANGUAGES:
        url, exact = (targets or {}).get(code, (page_url, True))
        out.append(
            {
                "name": LANGUAGE_NAMES[code],
                "lang": code,
                "link": site_root + prefixes[code] + url,
                "href": (up + prefixes[code] + url) or "./",
                "exact": exact,
            }
        )
    return out


def has_string(key: str) -> bool:
    """Whether ``key`` is an interface string (keys built from data, such as status_<id>, may not be)."""
    return key in _STRINGS or key in _VOCABULARY
