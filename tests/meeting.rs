//! The meeting record through the public API: the fields that come from the text alone (title,
//! kind, place, the directives' text, whether there is a meeting at all). The fields that link
//! to other facts (date, organizers, chairs, speakers, attendance, the directives' speakers) are
//! tested with hand-built facts in `src/extract/meeting/tests.rs`, and checked here only as far
//! as the other extractors' facts allow: every id they hold names a fact of the document.

use std::collections::HashSet;

use vietfacts::facts::{Facts, Meeting, MeetingKind, Statistic};

fn report(name: &str) -> String {
    let path = format!("{}/fixtures/reports/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn meeting_of(text: &str) -> Option<Meeting> {
    vietfacts::extract(text).meeting
}

/// Each fixture report: its meeting's title, kind and place as its notes give them.
#[test]
fn fixture_reports_title_kind_and_place() {
    let cases: [(&str, &str, MeetingKind, Option<&str>); 8] = [
        (
            "hoi-nghi-tong-ket-2024",
            "Hội nghị tổng kết công tác tuyên giáo năm 2024, triển khai nhiệm vụ năm 2025",
            MeetingKind::Conference,
            Some("hội trường tầng 3, Trung tâm Hội nghị thành phố Vĩnh Điền"),
        ),
        (
            "ky-hop-hdnd-thanh-pho",
            "Kỳ họp thứ 19 HĐND thành phố khóa XII, nhiệm kỳ 2021-2026",
            MeetingKind::CouncilSession,
            Some("Hội trường Trung tâm Hành chính thành phố"),
        ),
        (
            "dai-hoi-dang-bo-xa",
            "Đại hội đại biểu Đảng bộ xã lần thứ XXV, nhiệm kỳ 2025-2030",
            MeetingKind::PartyCongress,
            Some("Hội trường UBND xã"),
        ),
        (
            "le-trao-giai-bao-chi",
            "Lễ trao Giải Báo chí tỉnh Hoài Sơn lần thứ IX",
            MeetingKind::Ceremony,
            Some("Nhà văn hóa Lao động tỉnh, số 8 đường 30/4, thành phố Hoài Sơn"),
        ),
        (
            "lop-boi-duong-chinh-tri",
            "Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới lần thứ 3 năm 2024",
            MeetingKind::Training,
            Some("Trung tâm Chính trị huyện Lạc Điền (số 12 đường Lê Lợi, thị trấn Lạc Điền)"),
        ),
        (
            "kiem-tra-giam-sat",
            "buổi làm việc với Ban Thường vụ Huyện ủy Sơn Vĩ về việc lãnh đạo, chỉ đạo tổ chức Tết Nguyên đán Ất Tỵ và công tác quản lý, tổ chức lễ hội đầu năm 2025",
            MeetingKind::Inspection,
            None,
        ),
        (
            "so-ket-6-thang",
            "hội nghị sơ kết tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2024, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm",
            MeetingKind::Conference,
            None,
        ),
        (
            "hoi-nghi-trien-khai-nghi-quyet",
            "hội nghị trực tuyến triển khai Nghị quyết số 07-NQ/TU ngày 29/12/2023 của Ban Chấp hành Đảng bộ tỉnh về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự, an toàn giao thông giai đoạn 2024-2030 và Quyết định 1234/QĐ-UBND ngày 15/3/2024 của UBND tỉnh ban hành Kế hoạch thực hiện Nghị quyết",
            MeetingKind::Conference,
            Some("điểm cầu chính tại Hội trường UBND tỉnh"),
        ),
    ];
    for (name, title, kind, place) in cases {
        let meeting = meeting_of(&report(name)).unwrap_or_else(|| panic!("{name}: no meeting"));
        assert_eq!(meeting.title.as_deref(), Some(title), "{name}: title");
        assert_eq!(meeting.kind, kind, "{name}: kind");
        assert_eq!(meeting.location.as_deref(), place, "{name}: place");
    }
}

#[test]
fn reports_not_about_a_meeting_have_none() {
    for name in ["thong-cao-thong-ke-dan-so", "ho-tro-an-sinh-xa-hoi"] {
        assert_eq!(meeting_of(&report(name)), None, "{name}");
    }
}

/// Leads written for this test: where the title ends, what kind it is, where it was held.
#[test]
fn leads_title_kind_and_place() {
    let cases: [(&str, &str, MeetingKind, Option<&str>); 6] = [
        (
            "Sáng 14-3, tại hội trường UBND huyện, Huyện đoàn tổ chức Hội nghị tập huấn nghiệp vụ công tác Đoàn năm 2024.",
            "Hội nghị tập huấn nghiệp vụ công tác Đoàn năm 2024",
            MeetingKind::Training,
            Some("hội trường UBND huyện"),
        ),
        (
            "Chiều 2/10, Hội Cựu chiến binh tỉnh tổ chức Lễ kỷ niệm 35 năm Ngày truyền thống tại Nhà văn hóa tỉnh, số 5 đường Trần Phú.",
            "Lễ kỷ niệm 35 năm Ngày truyền thống",
            MeetingKind::Ceremony,
            Some("Nhà văn hóa tỉnh, số 5 đường Trần Phú"),
        ),
        (
            "Ngày 20/5, UBND xã Tân Phong tổ chức hội thảo khoa học về phát triển du lịch cộng đồng nhằm lấy ý kiến chuyên gia.",
            "hội thảo khoa học về phát triển du lịch cộng đồng",
            MeetingKind::Conference,
            None,
        ),
        (
            "Sáng 8-8, tại trụ sở Đảng ủy xã, Đảng bộ xã Yên Hòa long trọng tổ chức Đại hội đại biểu lần thứ XX, nhiệm kỳ 2025-2030 (đại hội điểm của huyện).",
            "Đại hội đại biểu lần thứ XX, nhiệm kỳ 2025-2030",
            MeetingKind::PartyCongress,
            Some("trụ sở Đảng ủy xã"),
        ),
        (
            "Ngày 3/4, Đoàn giám sát của HĐND tỉnh đã có buổi làm việc với UBND huyện Mai Sơn, theo Kế hoạch số 5-KH/HĐND.",
            "buổi làm việc với UBND huyện Mai Sơn",
            MeetingKind::Inspection,
            None,
        ),
        (
            "Khai mạc Kỳ họp thứ 7 HĐND tỉnh khóa XVII\nSáng 9-7, HĐND tỉnh khai mạc kỳ họp giữa năm.",
            "Kỳ họp thứ 7 HĐND tỉnh khóa XVII",
            MeetingKind::CouncilSession,
            None,
        ),
    ];
    for (text, title, kind, place) in cases {
        let meeting = meeting_of(text).unwrap_or_else(|| panic!("no meeting in {text:?}"));
        assert_eq!(meeting.title.as_deref(), Some(title), "{text}");
        assert_eq!(meeting.kind, kind, "{text}");
        assert_eq!(meeting.location.as_deref(), place, "{text}");
    }
}

#[test]
fn texts_that_hold_no_meeting() {
    let texts = [
        "",
        "Năm 2024, toàn tỉnh có 1.284.517 người.",
        // An event noun without an event held: a place, a festival, a past meeting cited.
        "Sáng 3-2, tại Trung tâm Hội nghị tỉnh, lễ hội hoa xuân thu hút đông đảo du khách.",
        "Theo Nghị quyết Hội nghị Trung ương 8, các địa phương tiếp tục thực hiện chủ trương.",
        // The meeting only at the end of a long article: not the report's subject.
        "Giá lúa tăng.\nNông dân phấn khởi.\nTuần tới, xã sẽ tổ chức hội nghị bàn về vụ mùa.",
    ];
    for text in texts {
        assert_eq!(meeting_of(text), None, "{text:?}");
    }
}

/// The directives' text: one per clause after the cue, and the next sentences of the paragraph
/// that open with a directive verb; not a noun "yêu cầu" or "chỉ đạo".
#[test]
fn directive_texts() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "Sáng 5-1, UBND huyện tổ chức hội nghị tổng kết năm 2024.\nKết luận hội nghị, đồng chí Chủ tịch UBND huyện yêu cầu các xã tập trung thu ngân sách; đẩy nhanh giải ngân vốn đầu tư công. Tăng cường kiểm tra an toàn thực phẩm. Hội nghị kết thúc lúc 11h.",
            &[
                "các xã tập trung thu ngân sách",
                "đẩy nhanh giải ngân vốn đầu tư công",
                "Tăng cường kiểm tra an toàn thực phẩm",
            ],
        ),
        (
            "Sáng 5-1, UBND huyện tổ chức hội nghị tổng kết năm 2024.\nCác đơn vị đã ban hành 20 văn bản chỉ đạo, đáp ứng yêu cầu, nhiệm vụ. Ông Nguyễn Văn Thành dự và chỉ đạo hội nghị.",
            &[],
        ),
        (
            "Sáng 5-1, UBND huyện tổ chức hội nghị tổng kết năm 2024.\nPhát biểu tại hội nghị, bà Đỗ Thị Lan nhấn mạnh, công tác dân vận là nhiệm vụ của cả hệ thống chính trị.",
            &["công tác dân vận là nhiệm vụ của cả hệ thống chính trị"],
        ),
        (
            "Sáng 5-1, UBND huyện tổ chức hội nghị tổng kết năm 2024.\nÔng Phạm Minh đánh giá cao sự chủ động của huyện khi cụ thể hóa chỉ đạo của tỉnh.\nTrưởng Ban Tuyên giáo Huyện ủy đề nghị các cơ quan báo chí chú trọng đào tạo đội ngũ.",
            &["các cơ quan báo chí chú trọng đào tạo đội ngũ"],
        ),
    ];
    for (text, expected) in cases {
        let meeting = meeting_of(text).unwrap_or_else(|| panic!("no meeting in {text:?}"));
        let got: Vec<&str> = meeting.directives.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(got, expected, "{text}");
        for directive in &meeting.directives {
            assert_eq!(&text[directive.span.range()], directive.text);
        }
    }
}

/// Every id a meeting holds names a fact of its document, of the right kind: whatever the
/// other extractors find, the record never points at nothing.
#[test]
fn meeting_ids_name_facts_of_the_document() {
    let names = [
        "hoi-nghi-tong-ket-2024",
        "ky-hop-hdnd-thanh-pho",
        "dai-hoi-dang-bo-xa",
        "le-trao-giai-bao-chi",
        "lop-boi-duong-chinh-tri",
        "kiem-tra-giam-sat",
        "so-ket-6-thang",
        "hoi-nghi-trien-khai-nghi-quyet",
    ];
    for name in names {
        let facts = vietfacts::extract(&report(name));
        let meeting = facts.meeting.clone().unwrap_or_else(|| panic!("{name}"));
        let (dates, officials, organizations, figures) = ids(&facts);
        if let Some(date) = &meeting.date {
            assert!(dates.contains(date.as_str()), "{name}: date {date}");
        }
        let people = meeting
            .organizers
            .iter()
            .chain(&meeting.attendees)
            .map(|id| id.as_str());
        for id in people {
            assert!(
                officials.contains(id) || organizations.contains(id),
                "{name}: {id}"
            );
        }
        let speakers = meeting
            .chairs
            .iter()
            .chain(&meeting.speakers)
            .chain(meeting.directives.iter().filter_map(|d| d.speaker.as_ref()));
        for id in speakers {
            assert!(officials.contains(id.as_str()), "{name}: {id}");
        }
        for id in &meeting.attendance {
            assert!(figures.contains(id.as_str()), "{name}: {id}");
        }
    }
}

type Ids<'f> = HashSet<&'f str>;

fn ids(facts: &Facts) -> (Ids<'_>, Ids<'_>, Ids<'_>, Ids<'_>) {
    let dates = facts.dates.iter().map(|d| d.id.as_str()).collect();
    let officials = facts.officials.iter().map(|o| o.id.as_str()).collect();
    let organizations = facts.organizations.iter().map(|g| g.id.as_str()).collect();
    let figures = facts
        .counts
        .iter()
        .map(|c| c.id.as_str())
        .chain(facts.statistics.iter().map(|s: &Statistic| s.id().as_str()))
        .collect();
    (dates, officials, organizations, figures)
}

#[test]
fn the_summary_format_shows_the_meeting() {
    let document = vietfacts::Extractor::new().document("ky-hop", &report("ky-hop-hdnd-thanh-pho"));
    let block = vietfacts::summary::render(&document);
    assert!(block.starts_with("== ky-hop\n"), "{block}");
    assert!(
        block.contains(
            "Kỳ họp thứ 19 HĐND thành phố khóa XII, nhiệm kỳ 2021-2026 (council_session)"
        ),
        "{block}"
    );
    assert!(
        block.contains("Place      Hội trường Trung tâm Hành chính thành phố"),
        "{block}"
    );
}
