//! The meeting record over hand-built facts: the dates, officials, organizations and figures
//! the other extractors would find, with spans pointing into each test text (already normal,
//! so a span is the byte range, and char offsets are counted here).

use super::meeting;
use crate::extract::Input;
use crate::facts::{
    Calendar, Count, CountCategory, DateFact, DateKind, FactId, Facts, Granularity, Meeting,
    MeetingKind, Numeral, Official, Organization, PartOfDay, Qualifier, Ratio, Span, Statistic,
};
use crate::normalize;

/// The span of the `nth` (0-based) occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} is not in the test text"));
    let end = start + needle.len();
    let chars = |to: usize| text.get(..to).map_or(0, |s| s.chars().count());
    Span::new(start, end, chars(start), chars(end))
}

fn id(s: &str) -> FactId {
    FactId(s.to_owned())
}

fn ids(list: &[&str]) -> Vec<FactId> {
    list.iter().map(|s| id(s)).collect()
}

fn date(text: &str, id_: &str, surface: &str, nth: usize, value: &str, kind: DateKind) -> DateFact {
    DateFact {
        id: id(id_),
        text: surface.to_owned(),
        span: span(text, surface, nth),
        // An empty value stands for a vague or recurring expression.
        value: (!value.is_empty()).then(|| value.parse().expect("a TIMEX3 value")),
        granularity: Granularity::Day,
        kind,
        part_of_day: None,
        modifier: None,
        calendar: Calendar::Gregorian,
        year_inferred: true,
    }
}

fn official(text: &str, id_: &str, name: &str, mentions: &[(&str, usize)]) -> Official {
    Official {
        id: id(id_),
        name: name.to_owned(),
        honorific: Some("đồng chí".to_owned()),
        titles: Vec::new(),
        mentions: mentions.iter().map(|&(m, n)| span(text, m, n)).collect(),
    }
}

fn organization(text: &str, id_: &str, name: &str, mentions: &[usize]) -> Organization {
    Organization {
        id: id(id_),
        text: name.to_owned(),
        canonical: name.to_owned(),
        mentions: mentions.iter().map(|&n| span(text, name, n)).collect(),
    }
}

fn count(text: &str, id_: &str, surface: &str, value: u64, unit: &str) -> Count {
    Count {
        id: id(id_),
        text: surface.to_owned(),
        span: span(text, surface, 0),
        value: Numeral::Integer(value),
        unit: unit.to_owned(),
        category: CountCategory::Participant,
        qualifier: Qualifier::Exact,
        per: None,
    }
}

fn ratio(text: &str, id_: &str, surface: &str, numerator: u64, denominator: u64) -> Statistic {
    Statistic::Ratio(Ratio {
        id: id(id_),
        text: surface.to_owned(),
        span: span(text, surface, 0),
        numerator: Numeral::Integer(numerator),
        denominator: Numeral::Integer(denominator),
        percent: None,
        subject: None,
    })
}

fn run(text: &str, facts: &Facts) -> Option<Meeting> {
    let input = Input::new(normalize(text), None);
    meeting(&input, facts)
}

fn texts(meeting: &Meeting) -> Vec<&str> {
    meeting.directives.iter().map(|d| d.text.as_str()).collect()
}

const CONFERENCE: &str = "\
Sáng 11-1, tại phòng họp tầng 2, nhà văn hóa thị xã, Ban Dân vận Thị ủy, Hội Nông dân thị xã tổ chức Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.
Quang cảnh hội nghị.
Dự hội nghị có đồng chí Lê Văn An, Phó Bí thư Thị ủy; đồng chí Trần Thị Bình, Trưởng Ban Dân vận Thị ủy; đại diện Ủy ban MTTQ thị xã cùng hơn 120 đại biểu.
Đồng chí Trần Thị Bình chủ trì hội nghị.
Theo báo cáo do đồng chí Phạm Văn Cường, Phó Trưởng Ban Dân vận Thị ủy trình bày, năm 2023 toàn thị xã có 1.200 hộ được hỗ trợ.
Phát biểu chỉ đạo hội nghị, đồng chí Lê Văn An ghi nhận những kết quả đạt được. Đồng chí đề nghị Ban Dân vận Thị ủy tiếp tục đổi mới phương thức; nâng cao chất lượng tuyên truyền. Tăng cường nắm bắt tình hình Nhân dân.
Đồng chí Trần Thị Bình phát biểu kết luận hội nghị.
";

fn conference_facts(text: &str) -> Facts {
    Facts {
        dates: vec![
            date(text, "d1", "Sáng 11-1", 0, "2024-01-11", DateKind::Point),
            date(text, "d2", "năm 2023", 0, "2023", DateKind::Point),
            date(text, "d3", "năm 2024", 0, "2024", DateKind::Point),
        ],
        officials: vec![
            official(
                text,
                "o1",
                "Lê Văn An",
                &[("Lê Văn An", 0), ("Lê Văn An", 1)],
            ),
            official(
                text,
                "o2",
                "Trần Thị Bình",
                &[
                    ("Trần Thị Bình", 0),
                    ("Trần Thị Bình", 1),
                    ("Trần Thị Bình", 2),
                ],
            ),
            official(text, "o3", "Phạm Văn Cường", &[("Phạm Văn Cường", 0)]),
        ],
        organizations: vec![
            // The title "Trưởng Ban Dân vận Thị ủy" holds the organization too.
            organization(text, "g1", "Ban Dân vận Thị ủy", &[0, 1, 2, 3]),
            organization(text, "g2", "Hội Nông dân thị xã", &[0]),
            organization(text, "g3", "Ủy ban MTTQ thị xã", &[0]),
        ],
        counts: vec![
            count(text, "c1", "hơn 120 đại biểu", 120, "đại biểu"),
            count(text, "c2", "1.200 hộ", 1200, "hộ"),
        ],
        ..Facts::default()
    }
}

#[test]
fn a_conference_record_links_every_role_to_its_fact() {
    let text = CONFERENCE;
    let facts = conference_facts(text);
    let meeting = run(text, &facts).expect("a conference is a meeting");
    assert_eq!(
        meeting.title.as_deref(),
        Some("Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024")
    );
    assert_eq!(meeting.kind, MeetingKind::Conference);
    // The lead's first date, not "năm 2024" of the title.
    assert_eq!(meeting.date, Some(id("d1")));
    assert_eq!(
        meeting.location.as_deref(),
        Some("phòng họp tầng 2, nhà văn hóa thị xã")
    );
    assert_eq!(meeting.organizers, ids(&["g1", "g2"]));
    assert_eq!(meeting.chairs, ids(&["o2"]));
    // Officials of the list, and the body named in a clause without an official; not the
    // organization inside Trần Thị Bình's title.
    assert_eq!(meeting.attendees, ids(&["o1", "o2", "g3"]));
    // In the order they speak: the report, the address, the closing.
    assert_eq!(meeting.speakers, ids(&["o3", "o1", "o2"]));
    assert_eq!(meeting.attendance, ids(&["c1"]));
    assert_eq!(
        texts(&meeting),
        [
            "Ban Dân vận Thị ủy tiếp tục đổi mới phương thức",
            "nâng cao chất lượng tuyên truyền",
            "Tăng cường nắm bắt tình hình Nhân dân",
        ]
    );
    // "Đồng chí đề nghị" names no one: the last speaker asked for it.
    assert!(
        meeting
            .directives
            .iter()
            .all(|d| d.speaker == Some(id("o1")))
    );
    let first = &meeting.directives[0];
    assert_eq!(&text[first.span.range()], first.text);
}

#[test]
fn spans_of_directives_point_into_the_callers_text() {
    // Decomposed letters and double spaces: the normalized text differs from the input.
    let text = "Sáng 2-3, UBND xã tổ chức hội nghị sơ kết quý I.\nPhát biểu kết luận, ông Hà Văn Tú đề nghị các thôn  tiếp tục ra\u{300} soát; làm tốt công tác tuyên truyền.";
    let normalized = normalize(text);
    let ntext = normalized.text().to_owned();
    let name = ntext.find("Hà Văn Tú").unwrap_or_default();
    let facts = Facts {
        officials: vec![Official {
            id: id("o1"),
            name: "Hà Văn Tú".to_owned(),
            honorific: Some("ông".to_owned()),
            titles: Vec::new(),
            mentions: vec![normalized.span(name..name + "Hà Văn Tú".len())],
        }],
        ..Facts::default()
    };
    let meeting = run(text, &facts).expect("a meeting");
    assert_eq!(meeting.speakers, ids(&["o1"]));
    let first = &meeting.directives[0];
    assert_eq!(first.text, "các thôn tiếp tục rà soát");
    assert_eq!(
        &text[first.span.range()],
        "các thôn  tiếp tục ra\u{300} soát"
    );
    assert_eq!(
        first.span.char_end - first.span.char_start,
        "các thôn  tiếp tục ra\u{300} soát".chars().count()
    );
}

const SESSION: &str = "\
Trong hai ngày 9 và 10-12, tại Hội trường Trung tâm Hành chính huyện, HĐND huyện Bình Xuyên tổ chức Kỳ họp thứ 12 HĐND huyện khóa XX, nhiệm kỳ 2021-2026 (kỳ họp cuối năm) để quyết định nhiều nội dung quan trọng.
Kỳ họp có 30/32 đại biểu HĐND huyện có mặt; 2 đại biểu vắng mặt có lý do.
Chủ tọa kỳ họp gồm bà Nông Thị Hà, Chủ tịch HĐND huyện; ông Lục Văn Khôi và bà Vi Thị Mai, Phó Chủ tịch HĐND huyện.
Phát biểu khai mạc, bà Nông Thị Hà cho biết kỳ họp xem xét 20 báo cáo. Chủ tịch HĐND huyện đề nghị các vị đại biểu thảo luận thẳng thắn.
Nghị quyết về dự toán ngân sách được thông qua với 29/30 đại biểu có mặt tán thành.
Kết luận kỳ họp, Chủ tịch UBND huyện Hoàng Văn Sáu yêu cầu các phòng chuyên môn chủ trì rà soát các dự án; Sở Tài chính chủ trì, phối hợp thực hiện.
";

fn session_facts(text: &str) -> Facts {
    Facts {
        dates: vec![date(
            text,
            "d1",
            "Trong hai ngày 9 và 10-12",
            0,
            "2024-12-09/2024-12-10",
            DateKind::Range,
        )],
        officials: vec![
            official(
                text,
                "o1",
                "Nông Thị Hà",
                // By name twice, and by title alone ("Chủ tịch HĐND huyện đề nghị").
                &[
                    ("Nông Thị Hà", 0),
                    ("Nông Thị Hà", 1),
                    ("Chủ tịch HĐND huyện", 1),
                ],
            ),
            official(text, "o2", "Lục Văn Khôi", &[("Lục Văn Khôi", 0)]),
            official(text, "o3", "Vi Thị Mai", &[("Vi Thị Mai", 0)]),
            official(text, "o4", "Hoàng Văn Sáu", &[("Hoàng Văn Sáu", 0)]),
        ],
        organizations: vec![organization(text, "g1", "HĐND huyện Bình Xuyên", &[0])],
        statistics: vec![
            ratio(text, "s1", "30/32", 30, 32),
            ratio(text, "s2", "29/30", 29, 30),
        ],
        counts: vec![
            count(text, "c1", "2 đại biểu", 2, "đại biểu"),
            count(text, "c2", "20 báo cáo", 20, "báo cáo"),
        ],
        ..Facts::default()
    }
}

#[test]
fn a_council_session_with_a_chair_list_attendance_and_a_vote() {
    let text = SESSION;
    let meeting = run(text, &session_facts(text)).expect("a session is a meeting");
    assert_eq!(
        meeting.title.as_deref(),
        Some("Kỳ họp thứ 12 HĐND huyện khóa XX, nhiệm kỳ 2021-2026")
    );
    assert_eq!(meeting.kind, MeetingKind::CouncilSession);
    assert_eq!(meeting.date, Some(id("d1")));
    assert_eq!(
        meeting.location.as_deref(),
        Some("Hội trường Trung tâm Hành chính huyện")
    );
    assert_eq!(meeting.organizers, ids(&["g1"]));
    // "Chủ tọa kỳ họp gồm ..." and its whole list; "chủ trì rà soát" is a task, not a chair.
    assert_eq!(meeting.chairs, ids(&["o1", "o2", "o3"]));
    assert_eq!(meeting.speakers, ids(&["o1", "o4"]));
    // Present and absent delegates; not the vote "29/30 đại biểu có mặt tán thành".
    assert_eq!(meeting.attendance, ids(&["s1", "c1"]));
    assert_eq!(
        texts(&meeting),
        [
            "các vị đại biểu thảo luận thẳng thắn",
            "các phòng chuyên môn chủ trì rà soát các dự án",
            "Sở Tài chính chủ trì, phối hợp thực hiện",
        ]
    );
    let speakers: Vec<_> = meeting
        .directives
        .iter()
        .map(|d| d.speaker.clone())
        .collect();
    assert_eq!(speakers, [Some(id("o1")), Some(id("o4")), Some(id("o4"))]);
}

const INSPECTION: &str = "\
15/03/2025 08:00
Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc tại huyện Tây Sơn
Hôm qua (14/3), Đoàn kiểm tra số 3 của Ban Thường vụ Tỉnh ủy do đồng chí Đặng Văn Lâm, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm Trưởng đoàn đã có buổi làm việc với Ban Thường vụ Huyện ủy Tây Sơn về công tác cán bộ, theo Kế hoạch số 12-KH/TU.
Báo cáo với Đoàn, đồng chí Bí thư Huyện ủy cho biết huyện đã hoàn thành các nội dung.
";

#[test]
fn an_inspection_visit_is_chaired_by_the_head_of_the_team() {
    let text = INSPECTION;
    let facts = Facts {
        dates: vec![
            date(
                text,
                "d1",
                "15/03/2025 08:00",
                0,
                "2025-03-15T08:00",
                DateKind::Point,
            ),
            date(
                text,
                "d2",
                "Hôm qua (14/3)",
                0,
                "2025-03-14",
                DateKind::Point,
            ),
        ],
        officials: vec![
            official(text, "o1", "Đặng Văn Lâm", &[("Đặng Văn Lâm", 0)]),
            official(text, "o2", "Cao Thị Yến", &[("Bí thư Huyện ủy", 0)]),
        ],
        organizations: vec![
            organization(text, "g1", "Ban Thường vụ Tỉnh ủy", &[0, 1]),
            organization(text, "g2", "Ủy ban Kiểm tra Tỉnh ủy", &[0]),
            organization(text, "g3", "Ban Thường vụ Huyện ủy Tây Sơn", &[0]),
        ],
        ..Facts::default()
    };
    let meeting = run(text, &facts).expect("an inspection visit is a meeting");
    assert_eq!(meeting.kind, MeetingKind::Inspection);
    assert_eq!(
        meeting.title.as_deref(),
        Some("buổi làm việc với Ban Thường vụ Huyện ủy Tây Sơn về công tác cán bộ")
    );
    // The dateline is not the lead's date.
    assert_eq!(meeting.date, Some(id("d2")));
    assert_eq!(meeting.location, None);
    // The team's body organizes; the head of the team, named inside, chairs.
    assert_eq!(meeting.organizers, ids(&["g1"]));
    assert_eq!(meeting.chairs, ids(&["o1"]));
    assert_eq!(meeting.speakers, ids(&["o2"]));
}

#[test]
fn a_headline_gives_the_title_when_the_lead_has_none() {
    let text = "Hội nghị triển khai nhiệm vụ năm 2025 của xã Tân Lập\nSáng 3-1, UBND xã Tân Lập tổ chức triển khai nhiệm vụ năm 2025 với sự tham dự của các thôn.\nBà Lò Thị Xuân chủ trì hội nghị.";
    let facts = Facts {
        dates: vec![
            date(text, "d1", "năm 2025", 0, "2025", DateKind::Point),
            date(text, "d2", "Sáng 3-1", 0, "2025-01-03", DateKind::Point),
        ],
        officials: vec![official(text, "o1", "Lò Thị Xuân", &[("Lò Thị Xuân", 0)])],
        organizations: vec![organization(text, "g1", "UBND xã Tân Lập", &[0])],
        ..Facts::default()
    };
    let meeting = run(text, &facts).expect("a meeting");
    assert_eq!(
        meeting.title.as_deref(),
        Some("Hội nghị triển khai nhiệm vụ năm 2025 của xã Tân Lập")
    );
    assert_eq!(meeting.date, Some(id("d2")));
    assert_eq!(meeting.organizers, ids(&["g1"]));
    assert_eq!(meeting.chairs, ids(&["o1"]));
}

#[test]
fn a_vague_date_is_not_the_meeting_date() {
    let text = "Thời gian tới, tại hội trường xã, UBND xã tổ chức Lễ ra mắt mô hình dân vận khéo vào sáng 5-9.";
    let mut vague = date(text, "d1", "Thời gian tới", 0, "", DateKind::Vague);
    vague.value = None;
    let mut morning = date(text, "d2", "sáng 5-9", 0, "XXXX-09-05", DateKind::Point);
    morning.part_of_day = Some(PartOfDay::Morning);
    let facts = Facts {
        dates: vec![vague, morning],
        ..Facts::default()
    };
    let meeting = run(text, &facts).expect("a ceremony");
    assert_eq!(meeting.kind, MeetingKind::Ceremony);
    assert_eq!(
        meeting.title.as_deref(),
        Some("Lễ ra mắt mô hình dân vận khéo")
    );
    assert_eq!(meeting.date, Some(id("d2")));
}

#[test]
fn a_report_that_names_no_event_held_is_not_a_meeting() {
    let text = "CỤC THỐNG KÊ TỈNH\nTHÔNG CÁO BÁO CHÍ\nCục Thống kê tỉnh đã tổ chức thu thập thông tin tại 320 địa bàn. Tổng dân số là 1.284.517 người.\nÔng Lý Văn Hòa, Cục trưởng, cho biết kết quả sẽ được công bố trong quý IV.";
    let facts = Facts {
        officials: vec![official(text, "o1", "Lý Văn Hòa", &[("Lý Văn Hòa", 0)])],
        counts: vec![count(text, "c1", "320 địa bàn", 320, "địa bàn")],
        ..Facts::default()
    };
    assert_eq!(run(text, &facts), None);
}

#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "",
        "tại",
        "Hội nghị",
        "tổ chức Hội nghị",
        "Sáng 1-1, tại , , tổ chức Lễ (",
        "Đồng chí đề nghị;;;",
        "Chủ tọa kỳ họp gồm",
        "x\nHội nghị\n\n\n",
        "Dự hội nghị có ; ; ;",
        "Phát biểu, ",
        "\u{301}tại\u{300} ",
    ];
    let facts = conference_facts(CONFERENCE);
    for text in inputs {
        // Spans from another text must not make it panic either.
        let _ = run(text, &facts);
        let _ = run(text, &Facts::default());
    }
}

#[test]
fn spans_counted_on_are_the_spans_of_input() {
    let text =
        "Sa\u{301}ng 11-1,\r\nta\u{323}i Ha\u{300} No\u{323}i\u{A0}\u{A0}đã họp — \u{1F600} x";
    let input = Input::new(normalize(text), None);
    let doc = super::Doc::new(&input);
    let bounds: Vec<usize> = input
        .text()
        .char_indices()
        .map(|(i, _)| i)
        .chain([input.text().len()])
        .collect();
    // Every range, in ascending order of start, then going back.
    for (k, &start) in bounds.iter().enumerate() {
        for &end in bounds.get(k..).unwrap_or_default() {
            assert_eq!(doc.caller_span(start..end), input.span(start..end));
            assert_eq!(doc.caller(start..end), input.span(start..end).range());
        }
    }
    for &start in bounds.iter().rev() {
        assert_eq!(doc.caller_span(start..start), input.span(start..start));
    }
}
