//! Officials, coreference, authors, organizations and cited documents, through the public
//! API. Every sentence here is written for these tests.

use vietfacts::facts::{Facts, Official};

fn facts(text: &str) -> Facts {
    vietfacts::extract(text)
}

/// The officials as (name, honorific, [(title text, canonical, role, organization)]).
type Row = (
    String,
    Option<String>,
    Vec<(String, String, String, Option<String>)>,
);

fn officials(text: &str) -> Vec<Row> {
    facts(text)
        .officials
        .into_iter()
        .map(|o| {
            let titles = o
                .titles
                .into_iter()
                .map(|t| {
                    (
                        t.text,
                        t.canonical,
                        t.role.unwrap_or_default(),
                        t.organization,
                    )
                })
                .collect();
            (o.name, o.honorific, titles)
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    facts(text).officials.into_iter().map(|o| o.name).collect()
}

fn title(
    text: &str,
    canonical: &str,
    role: &str,
    org: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        text.to_owned(),
        canonical.to_owned(),
        role.to_owned(),
        org.map(str::to_owned),
    )
}

fn mention_texts<'t>(text: &'t str, official: &Official) -> Vec<&'t str> {
    official
        .mentions
        .iter()
        .filter_map(|s| text.get(s.range()))
        .collect()
}

#[test]
fn name_first_with_titles() {
    let text = "Dự hội nghị có đồng chí Phan Hữu Lộc, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Ban Chỉ đạo 35 tỉnh dự và chỉ đạo hội nghị.";
    assert_eq!(
        officials(text),
        [(
            "Phan Hữu Lộc".to_owned(),
            Some("đồng chí".to_owned()),
            vec![
                title(
                    "Phó Bí thư Thường trực Tỉnh ủy",
                    "Phó Bí thư Thường trực Tỉnh ủy",
                    "Phó Bí thư Thường trực",
                    Some("Tỉnh ủy")
                ),
                title(
                    "Trưởng Ban Chỉ đạo 35 tỉnh",
                    "Trưởng Ban Chỉ đạo 35 tỉnh",
                    "Trưởng Ban",
                    Some("Ban Chỉ đạo 35 tỉnh")
                ),
            ]
        )]
    );
}

#[test]
fn apposition_with_a_dash_and_no_honorific() {
    let text =
        "Lê Minh Khoa - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy phát biểu.";
    assert_eq!(
        officials(text),
        [(
            "Lê Minh Khoa".to_owned(),
            None,
            vec![
                title(
                    "Ủy viên Ban Thường vụ Tỉnh ủy",
                    "Ủy viên Ban Thường vụ Tỉnh ủy",
                    "Ủy viên Ban Thường vụ",
                    Some("Tỉnh ủy")
                ),
                title(
                    "Trưởng Ban Dân vận Tỉnh ủy",
                    "Trưởng Ban Dân vận Tỉnh ủy",
                    "Trưởng Ban",
                    Some("Ban Dân vận Tỉnh ủy")
                ),
            ]
        )]
    );
}

#[test]
fn title_first() {
    type Case = (
        &'static str,
        &'static str,
        (&'static str, &'static str, &'static str, &'static str),
    );
    let cases: [Case; 4] = [
        (
            "Chủ tịch UBND tỉnh Trần Đức Hải chủ trì hội nghị.",
            "Trần Đức Hải",
            (
                "Chủ tịch UBND tỉnh",
                "Chủ tịch Ủy ban nhân dân tỉnh",
                "Chủ tịch",
                "UBND tỉnh",
            ),
        ),
        (
            "Phó Cục trưởng Cục Thống kê Ngô Thị Hạnh cho biết.",
            "Ngô Thị Hạnh",
            (
                "Phó Cục trưởng Cục Thống kê",
                "Phó Cục trưởng Cục Thống kê",
                "Phó Cục trưởng",
                "Cục Thống kê",
            ),
        ),
        (
            "Giám đốc Sở Khoa học và Công nghệ Đàm Văn Quý trao giải.",
            "Đàm Văn Quý",
            (
                "Giám đốc Sở Khoa học và Công nghệ",
                "Giám đốc Sở Khoa học và Công nghệ",
                "Giám đốc",
                "Sở Khoa học và Công nghệ",
            ),
        ),
        (
            "Bí thư Huyện ủy Yên Khê Triệu Văn Tư phát biểu.",
            "Triệu Văn Tư",
            (
                "Bí thư Huyện ủy Yên Khê",
                "Bí thư Huyện ủy Yên Khê",
                "Bí thư",
                "Huyện ủy Yên Khê",
            ),
        ),
    ];
    for (text, name, (t, canonical, role, org)) in cases {
        assert_eq!(
            officials(text),
            [(
                name.to_owned(),
                None,
                vec![title(t, canonical, role, Some(org))]
            )],
            "{text}"
        );
    }
}

#[test]
fn a_plural_title_belongs_to_every_name_after_it() {
    let text = "Cùng dự có các Phó Chủ tịch HĐND tỉnh Đinh Văn Lâm, Tạ Thu Trang; Phó Chủ tịch UBND tỉnh Vi Văn Kha.";
    let got = officials(text);
    let deputy = title(
        "Phó Chủ tịch HĐND tỉnh",
        "Phó Chủ tịch Hội đồng nhân dân tỉnh",
        "Phó Chủ tịch",
        Some("HĐND tỉnh"),
    );
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[0],
        ("Đinh Văn Lâm".to_owned(), None, vec![deputy.clone()])
    );
    assert_eq!(got[1], ("Tạ Thu Trang".to_owned(), None, vec![deputy]));
    assert_eq!(got[2].0, "Vi Văn Kha");
}

#[test]
fn one_title_after_two_names_joined_by_va() {
    let text = "Chủ tọa gồm ông Lục Văn Hòa và bà Mông Thị Lan, Phó Chủ tịch HĐND thành phố.";
    let got = officials(text);
    assert_eq!(got.len(), 2);
    for (row, name) in got.iter().zip(["Lục Văn Hòa", "Mông Thị Lan"]) {
        assert_eq!(row.0, name);
        assert_eq!(row.2.first().map(|t| t.2.as_str()), Some("Phó Chủ tịch"));
    }
}

#[test]
fn ranks_academic_titles_and_honorifics() {
    let cases = [
        (
            "Dự có Thiếu tướng Âu Dương Khải, Phó Cục trưởng Cục Cảnh sát giao thông, Bộ Công an.",
            "Âu Dương Khải",
            "Thiếu tướng",
        ),
        (
            "Đại tá Hứa Minh Chiến, Giám đốc Công an tỉnh cho biết.",
            "Hứa Minh Chiến",
            "Đại tá",
        ),
        (
            "PGS.TS Quách Thị Minh Nguyệt, Phó Hiệu trưởng Trường Đại học Y Hoài Sơn đề xuất.",
            "Quách Thị Minh Nguyệt",
            "PGS.TS",
        ),
        (
            "TS. Cù Thị Lệ, giảng viên Trường Chính trị tỉnh trình bày.",
            "Cù Thị Lệ",
            "TS.",
        ),
        (
            "Đ/c Nông Thị Mai, Bí thư Đảng ủy xã phát biểu.",
            "Nông Thị Mai",
            "đồng chí",
        ),
        (
            "Ông Ông Văn Bảy, Trưởng phòng Tài chính – Kế hoạch huyện cho biết.",
            "Ông Văn Bảy",
            "ông",
        ),
        (
            "bà Tòng Thị Thanh Xuân, Chủ tịch Ủy ban MTTQ Việt Nam huyện cho biết.",
            "Tòng Thị Thanh Xuân",
            "bà",
        ),
    ];
    for (text, name, honorific) in cases {
        let got = officials(text);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].0, name, "{text}");
        assert_eq!(got[0].1.as_deref(), Some(honorific), "{text}");
        assert_eq!(got[0].2.len(), 1, "one title: {text}");
    }
}

#[test]
fn names_are_not_cut_by_a_title_nor_swallow_one() {
    let cases = [
        (
            "Đồng chí Đào Lương Khải, UVBTV Thành ủy, Trưởng Ban Tuyên Giáo phát biểu.",
            "Đào Lương Khải",
        ),
        (
            "Đồng chí Bế Thị Hồng Nhung, Bí thư Đảng ủy, Chủ tịch HĐND xã trình bày.",
            "Bế Thị Hồng Nhung",
        ),
        ("Chủ tịch UBND huyện Hà Văn Thuận ghi nhận.", "Hà Văn Thuận"),
        (
            "Tác giả Hầu A Sùng, Phó Trưởng phòng Văn hóa huyện nhận giải.",
            "Hầu A Sùng",
        ),
    ];
    for (text, name) in cases {
        assert_eq!(names(text), [name], "{text}");
    }
}

#[test]
fn titles_end_before_the_verb() {
    let text = "Đồng chí Lã Văn Thịnh, Phó Bí thư Thường trực Thành ủy, Trưởng Ban chỉ đạo 35 thành phố dự và chỉ đạo hội nghị.";
    let got = officials(text);
    let texts: Vec<&str> = got[0].2.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Phó Bí thư Thường trực Thành ủy",
            "Trưởng Ban chỉ đạo 35 thành phố"
        ]
    );
    let caption = "Ông Thân Văn Phúc, Cục trưởng Cục Thống kê tỉnh cho biết, dân số tăng.";
    assert_eq!(officials(caption)[0].2[0].0, "Cục trưởng Cục Thống kê tỉnh");
}

#[test]
fn abbreviations_are_expanded_in_canonical_only() {
    let text = "Đồng chí Bạch Thị Thu Thủy, UVBTV Huyện ủy, PCT UBND huyện phát biểu.";
    let got = officials(text);
    assert_eq!(
        got[0].2,
        [
            title(
                "UVBTV Huyện ủy",
                "Ủy viên Ban Thường vụ Huyện ủy",
                "Ủy viên Ban Thường vụ",
                Some("Huyện ủy")
            ),
            title(
                "PCT UBND huyện",
                "Phó Chủ tịch Ủy ban nhân dân huyện",
                "Phó Chủ tịch",
                Some("UBND huyện")
            ),
        ]
    );
}

#[test]
fn role_and_organization_take_their_lexicon_spelling() {
    let text = "Đồng chí Đào Lương Khải, Trưởng Ban Tuyên Giáo phát biểu.";
    assert_eq!(
        officials(text)[0].2,
        [title(
            "Trưởng Ban Tuyên Giáo",
            "Trưởng Ban Tuyên giáo",
            "Trưởng Ban",
            Some("Ban Tuyên giáo")
        )]
    );
    let merged = "Đồng chí Lý Văn Hùng, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy phát biểu.";
    assert_eq!(
        officials(merged)[0].2[0].3.as_deref(),
        Some("Ban Tuyên giáo và Dân vận Tỉnh ủy")
    );
    let member = "Ông Mạc Văn Bình, Huyện ủy viên, Phó Chủ tịch UBND huyện cho biết.";
    assert_eq!(
        officials(member)[0].2[0],
        title(
            "Huyện ủy viên",
            "Ủy viên Ban Chấp hành Đảng bộ huyện",
            "Huyện ủy viên",
            Some("Huyện ủy")
        )
    );
}

#[test]
fn groups_and_places_are_not_persons() {
    for text in [
        "Dự có các đồng chí thành viên Ban chỉ đạo 35 thành phố.",
        "Các đại biểu đã tham luận; lãnh đạo các sở, ngành dự hội nghị.",
        "Dự có các đồng chí Ủy viên Ban Thường vụ Thành ủy.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Trụ sở ở số 12 đường Lê Lợi, thị trấn Lạc Điền.",
        "Đoàn Chủ tịch điều hành phiên khai mạc.",
        "Chủ tịch UBND 18 xã, thị trấn dự hội nghị.",
        "Thực hiện Quyết định của Thủ tướng Chính phủ.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
}

#[test]
fn a_title_only_mention_attaches_to_the_one_holder() {
    let text = "Dự có đồng chí Lã Văn Thịnh, Phó Bí thư Thường trực Thành ủy; đồng chí Hoàng Văn Lực, Phó Trưởng Ban Tuyên giáo Thành ủy; đồng chí Trịnh Thị Lan, Trưởng Ban Tuyên giáo Thành ủy.\nPhát biểu chỉ đạo, đồng chí Phó Bí thư Thường trực Thành ủy đề nghị tiếp tục đổi mới.\nĐồng chí Trưởng Ban Tuyên giáo Thành ủy kết luận hội nghị.\nLã Văn Thịnh nhấn mạnh thêm.";
    let got = facts(text).officials;
    assert_eq!(got.len(), 3);
    assert_eq!(
        mention_texts(text, &got[0]),
        [
            "Lã Văn Thịnh",
            "Phó Bí thư Thường trực Thành ủy",
            "Lã Văn Thịnh"
        ]
    );
    assert_eq!(
        mention_texts(text, &got[1]),
        ["Hoàng Văn Lực"],
        "the deputy's title contains the head's: not his"
    );
    assert_eq!(
        mention_texts(text, &got[2]),
        ["Trịnh Thị Lan", "Trưởng Ban Tuyên giáo Thành ủy"]
    );
}

#[test]
fn an_ambiguous_title_only_mention_stays_unresolved() {
    let text = "Dự có bà Lương Thị Hoa, Phó Bí thư Thành ủy; ông Vương Hữu Tài, Phó Bí thư Thành ủy.\nĐồng chí Phó Bí thư Thành ủy phát biểu.";
    let got = facts(text).officials;
    assert_eq!(got.len(), 2);
    for official in &got {
        assert_eq!(official.mentions.len(), 1, "{}", official.name);
    }
}

#[test]
fn a_later_mention_merges_titles_without_duplicates() {
    let text = "Đồng chí Ninh Văn Hậu, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy dự.\nĐồng chí Ninh Văn Hậu, UVBTV Tỉnh ủy, Trưởng đoàn kiểm tra phát biểu.";
    let got = officials(text);
    assert_eq!(got.len(), 1);
    let roles: Vec<&str> = got[0].2.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(roles, ["Ủy viên Ban Thường vụ", "Chủ nhiệm", "Trưởng đoàn"]);
    let appointed =
        "Đồng chí Giáp Văn Cường, Chủ tịch UBND xã được bầu giữ chức Phó Bí thư Đảng ủy xã.";
    let roles: Vec<String> = officials(appointed)[0]
        .2
        .iter()
        .map(|t| t.2.clone())
        .collect();
    assert_eq!(roles, ["Chủ tịch", "Phó Bí thư"]);
}

#[test]
fn ids_follow_the_first_mention() {
    let got =
        facts("Ông Lò Văn An, Chủ tịch UBND xã dự.\nBà Cầm Thị Bay, Phó Chủ tịch UBND xã dự.")
            .officials;
    let ids: Vec<(&str, &str)> = got
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    assert_eq!(ids, [("o1", "Lò Văn An"), ("o2", "Cầm Thị Bay")]);
}

#[test]
fn bylines() {
    let body = "Ông Lò Văn An, Chủ tịch UBND xã phát biểu tại hội nghị.\n";
    let cases: [(&str, &[&str]); 7] = [
        (
            "Minh Hòa – Lê Thanh\nTrực tuyến: 219\nHôm nay: 1387",
            &["Minh Hòa", "Lê Thanh"],
        ),
        ("Tin, ảnh: Minh Anh", &["Minh Anh"]),
        ("PV", &["PV"]),
        ("Bài và ảnh: Thu Hà", &["Thu Hà"]),
        (
            "Tuấn Kiệt – Trung tâm Chính trị huyện Lạc Điền",
            &["Tuấn Kiệt"],
        ),
        (
            "Hoàng Yến - Quốc Việt\nTin cùng chuyên mục:\nKhai mạc hội chợ vùng biên (20/03/2024)",
            &["Hoàng Yến", "Quốc Việt"],
        ),
        (
            "Quang cảnh hội nghị sơ kết công tác năm 2024 của huyện Phù Lưu tại hội trường.",
            &[],
        ),
    ];
    for (tail, want) in cases {
        let text = format!("{body}{tail}");
        let got = facts(&text);
        let authors: Vec<&str> = got.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(authors, want, "{tail}");
        for author in &got.authors {
            assert_eq!(text.get(author.span.range()), Some(author.name.as_str()));
        }
        let officials: Vec<&str> = got.officials.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            officials,
            ["Lò Văn An"],
            "authors are not officials: {tail}"
        );
    }
}

#[test]
fn a_signer_is_an_official_not_an_author() {
    let text = "Cục Thống kê tỉnh công bố kết quả.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n(Đã ký)\nLò Thị Hạnh\nTrang 2/2";
    let got = facts(text);
    assert!(got.authors.is_empty());
    let official: Vec<(&str, Option<&str>)> = got
        .officials
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.titles.first().and_then(|t| t.role.as_deref()),
            )
        })
        .collect();
    assert_eq!(official, [("Lò Thị Hạnh", Some("Phó Cục trưởng"))]);
}

#[test]
fn organizations_are_expanded_and_deduplicated() {
    let text = "Sáng 9-1, Ban Tuyên giáo Thành ủy và Ban Chỉ đạo 35 thành phố tổ chức hội nghị. Đại diện UBND tỉnh Hoài Sơn, Ủy ban MTTQ Việt Nam thành phố dự. Ban Tuyên Giáo Thành ủy đã ban hành 180 văn bản.";
    let got = facts(text).organizations;
    let rows: Vec<(&str, &str, &str, usize)> = got
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.text.as_str(),
                g.canonical.as_str(),
                g.mentions.len(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "g1",
                "Ban Tuyên giáo Thành ủy",
                "Ban Tuyên giáo Thành ủy",
                2
            ),
            (
                "g2",
                "Ban Chỉ đạo 35 thành phố",
                "Ban Chỉ đạo 35 thành phố",
                1
            ),
            (
                "g3",
                "UBND tỉnh Hoài Sơn",
                "Ủy ban nhân dân tỉnh Hoài Sơn",
                1
            ),
            (
                "g4",
                "Ủy ban MTTQ Việt Nam thành phố",
                "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
                1
            ),
        ]
    );
}

#[test]
fn headings_and_document_codes_are_not_organizations() {
    for text in [
        "Hội nghị Trung ương 6 khóa XIII.",
        "THÔNG CÁO BÁO CHÍ",
        "theo Nghị quyết số 07-NQ/TU và Quyết định 12/QĐ-UBND",
    ] {
        let orgs: Vec<String> = facts(text)
            .organizations
            .into_iter()
            .map(|g| g.canonical)
            .collect();
        assert!(orgs.is_empty(), "{text}: {orgs:?}");
    }
}

#[test]
fn legal_documents() {
    type Doc = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: [(&str, Doc); 8] = [
        (
            "thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị",
            (
                "Nghị quyết số 35-NQ/TW",
                "nghị quyết",
                Some("35"),
                Some("TW"),
                None,
            ),
        ),
        (
            "gắn với Chỉ thị 05-CT/TW của Bộ Chính trị",
            ("Chỉ thị 05-CT/TW", "chỉ thị", Some("05"), Some("TW"), None),
        ),
        (
            "theo Quyết định số 1234/QĐ-UBND ngày 15/3/2024 của UBND tỉnh",
            (
                "Quyết định số 1234/QĐ-UBND ngày 15/3/2024",
                "quyết định",
                Some("1234"),
                Some("UBND"),
                Some("2024-03-15"),
            ),
        ),
        (
            "xử lý theo Nghị định 100/2019/NĐ-CP của Chính phủ",
            (
                "Nghị định 100/2019/NĐ-CP",
                "nghị định",
                Some("100/2019"),
                Some("CP"),
                None,
            ),
        ),
        (
            "thực hiện Kết luận 01-KL/TW về",
            (
                "Kết luận 01-KL/TW",
                "kết luận",
                Some("01"),
                Some("TW"),
                None,
            ),
        ),
        (
            "thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng",
            (
                "Nghị quyết Trung ương 4 khóa XII",
                "nghị quyết",
                None,
                None,
                None,
            ),
        ),
        (
            "theo Kế hoạch số 118-KH/TU ngày 6/1/2025 của Ban Thường vụ",
            (
                "Kế hoạch số 118-KH/TU ngày 6/1/2025",
                "kế hoạch",
                Some("118"),
                Some("TU"),
                Some("2025-01-06"),
            ),
        ),
        (
            "thay thế Nghị quyết số 27/2021/NQ-HĐND ngày 8-12-2021 của HĐND",
            (
                "Nghị quyết số 27/2021/NQ-HĐND ngày 8-12-2021",
                "nghị quyết",
                Some("27/2021"),
                Some("HĐND"),
                Some("2021-12-08"),
            ),
        ),
    ];
    for (text, (surface, doc_type, number, issuer, date)) in cases {
        let got = facts(text).documents;
        assert_eq!(got.len(), 1, "{text}");
        let d = &got[0];
        assert_eq!(d.id.as_str(), "l1");
        assert_eq!(
            (
                d.text.as_str(),
                d.doc_type.as_str(),
                d.number.as_deref(),
                d.issuer.as_deref(),
                d.date.as_deref()
            ),
            (surface, doc_type, number, issuer, date),
            "{text}"
        );
        assert_eq!(text.get(d.span.range()), Some(surface));
    }
}

#[test]
fn document_numbers_are_never_ratios_dates_or_counts() {
    for text in [
        "hoàn thành 12/12 chỉ tiêu theo kế hoạch",
        "Kết luận hội nghị, ông An yêu cầu hoàn thành trước ngày 30/6/2024.",
        "Kế hoạch năm 2024 đạt 17.279/18.121 hộ.",
        "triển khai các nghị quyết, kết luận, quy định của Đảng",
        "Quyết định 12 tháng qua",
    ] {
        let docs: Vec<String> = facts(text).documents.into_iter().map(|d| d.text).collect();
        assert!(docs.is_empty(), "{text}: {docs:?}");
    }
}

#[test]
fn a_document_cited_twice_is_listed_once() {
    let text = "Triển khai Nghị quyết số 07-NQ/TU ngày 29/12/2023 của Tỉnh ủy. Theo Nghị quyết số 07-NQ/TU, mục tiêu là giảm tai nạn.";
    let got = facts(text).documents;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].date.as_deref(), Some("2023-12-29"));
}

#[test]
fn every_span_points_at_the_callers_text() {
    // Decomposed marks and double spaces: spans still slice the caller's text.
    let text = "Đồng chi\u{301}  Lã Văn Thịnh, Phó Bí thư Thường trực Thành ủy dự.\nMinh Hòa";
    let got = facts(text);
    let official = &got.officials[0];
    assert_eq!(text.get(official.mentions[0].range()), Some("Lã Văn Thịnh"));
    assert_eq!(
        got.authors.first().map(|a| text.get(a.span.range())),
        Some(Some("Minh Hòa"))
    );
}

#[test]
fn arbitrary_text_never_panics() {
    for text in [
        "",
        "Đồng chí",
        "Chủ tịch",
        "Nghị quyết số",
        "Số: /-",
        "ông Ông",
        "PGS.TS",
        "(Đã ký)\nLò",
        "Trưởng [Ban]",
        "UBND UBND UBND",
        "\u{301}Đ/c\n\n–",
    ] {
        let _ = facts(text);
    }
}

#[test]
fn an_ambiguous_title_only_mention_is_a_warning_not_a_guess() {
    // Two deputy chairs of the same council: "Phó Chủ tịch HĐND tỉnh" alone could be either.
    let text = "Dự kỳ họp có ông Đinh Văn Lâm, Phó Chủ tịch HĐND tỉnh và bà Tạ Thu Trang, Phó Chủ tịch HĐND tỉnh.\n\
                Phát biểu tại kỳ họp, Phó Chủ tịch HĐND tỉnh đề nghị các sở tiếp tục rà soát.";
    let facts = vietfacts::extract(text);
    let names: Vec<&str> = facts.officials.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Đinh Văn Lâm", "Tạ Thu Trang"]);
    let second_mention = text.rfind("Phó Chủ tịch HĐND tỉnh").unwrap();
    for official in &facts.officials {
        assert!(
            official.mentions.iter().all(|m| m.start != second_mention),
            "the ambiguous mention was attached to {}",
            official.name
        );
    }
    let warning = facts
        .warnings
        .iter()
        .find(|w| w.kind == vietfacts::facts::WarningKind::AmbiguousReference)
        .expect("an ambiguous_reference warning");
    let ids: Vec<&str> = warning.facts.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2"]);
    assert!(warning.message.contains("Đinh Văn Lâm") && warning.message.contains("Tạ Thu Trang"));
}

#[test]
fn the_ambiguity_warning_reads_the_same_from_raw_and_normalized_text() {
    let raw = "Dự kỳ họp có ông Đinh Văn Lâm, Phó Chủ tịch HĐND tỉnh và bà Tạ Thu Trang, Phó Chủ tịch HĐND tỉnh.\r\n\
               Phát biểu tại  kỳ họp, Phó\u{A0}Chủ tịch HĐND tỉnh đề nghị các sở tiếp tục rà soát.";
    let normalized = vietfacts::normalize(raw).into_text();
    let from_raw = vietfacts::extract(raw).warnings;
    let from_normalized = vietfacts::extract(&normalized).warnings;
    assert_eq!(from_raw.len(), 1);
    assert_eq!(from_raw, from_normalized);
}
