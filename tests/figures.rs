//! The figures extractor through the public API: ratios, percentages, counts, money,
//! durations, consistency warnings, and the numbers that are never facts. Each table row is
//! a sentence a report could carry and what an analyst expects from it.

use vietfacts::facts::{
    Count, CountCategory as Cat, Currency, DurationUnit, Facts, Money, PercentRole as Role,
    Qualifier as Q, Statistic, WarningKind,
};

fn ratios(facts: &Facts) -> Vec<(f64, f64, Option<f64>, Option<String>)> {
    facts
        .statistics
        .iter()
        .filter_map(|s| match s {
            Statistic::Ratio(r) => Some((
                r.numerator.as_f64(),
                r.denominator.as_f64(),
                r.percent,
                r.subject.clone(),
            )),
            _ => None,
        })
        .collect()
}

fn percents(facts: &Facts) -> Vec<(String, f64, Role, Option<String>)> {
    facts
        .statistics
        .iter()
        .filter_map(|s| match s {
            Statistic::Percent(p) => {
                Some((p.text.clone(), p.value.as_f64(), p.role, p.subject.clone()))
            }
            _ => None,
        })
        .collect()
}

fn count_rows(facts: &Facts) -> Vec<(&str, f64, &str, Cat, Q)> {
    facts
        .counts
        .iter()
        .map(|c: &Count| {
            (
                c.text.as_str(),
                c.value.as_f64(),
                c.unit.as_str(),
                c.category,
                c.qualifier,
            )
        })
        .collect()
}

fn money_rows(facts: &Facts) -> Vec<(&str, f64, Currency, Q, Option<&str>)> {
    facts
        .money
        .iter()
        .map(|m: &Money| {
            (
                m.text.as_str(),
                m.value.as_f64(),
                m.currency,
                m.qualifier,
                m.per.as_deref(),
            )
        })
        .collect()
}

/// Every figure of any kind: what "never a fact" tests look at.
fn figure_count(facts: &Facts) -> usize {
    facts.statistics.len() + facts.counts.len() + facts.money.len() + facts.durations.len()
}

#[test]
fn ratios_table() {
    type Expected<'a> = Option<(f64, f64, f64, Option<&'a str>)>;
    let cases: &[(&str, Expected)] = &[
        (
            "Toàn thành phố có 117/120 khu dân cư đạt văn hóa; có ...",
            Some((117.0, 120.0, 97.5, Some("khu dân cư đạt văn hóa"))),
        ),
        (
            "có 17.279/18.121 hộ gia đình đăng ký đạt danh hiệu.",
            Some((17279.0, 18121.0, 95.35, Some("hộ gia đình"))),
        ),
        (
            "hoàn thành đạt và vượt 12/12 chỉ tiêu đã đề ra.",
            Some((12.0, 12.0, 100.0, Some("chỉ tiêu"))),
        ),
        (
            "Kỳ họp có 48/50 đại biểu có mặt.",
            Some((48.0, 50.0, 96.0, Some("đại biểu"))),
        ),
        (
            "hiện có 4/9 thôn đạt chuẩn.",
            Some((4.0, 9.0, 44.44, Some("thôn đạt chuẩn"))),
        ),
        (
            "bầu với 17/17 phiếu, đạt 100%.",
            Some((17.0, 17.0, 100.0, Some("phiếu"))),
        ),
        (
            "Kết quả, 70/72 học viên đủ điều kiện.",
            Some((70.0, 72.0, 97.22, Some("học viên đủ điều kiện"))),
        ),
        (
            "Giải ngân đạt 96,3/187,5 tỷ đồng.",
            Some((96.3, 187.5, 51.36, None)),
        ),
        (
            "đã có 48 trên 50 đại biểu tán thành.",
            Some((48.0, 50.0, 96.0, Some("đại biểu"))),
        ),
        (
            "Toàn Đảng bộ có 3.418/3.502 đảng viên tham gia học tập.",
            Some((3418.0, 3502.0, 97.6, Some("đảng viên"))),
        ),
        ("đạt 2/3 số phiếu.", Some((2.0, 3.0, 66.67, None))),
        // Dates, not ratios.
        ("Ngày 2/9 là Quốc khánh.", None),
        ("Hôm qua (15/3), đoàn đã làm việc.", None),
        ("Sáng 11-1, tại hội trường.", None),
        ("Chiều 20/3, UBND tỉnh tổ chức hội nghị.", None),
        ("Sự kiện diễn ra vào tháng 9/2024 tại tỉnh.", None),
        ("hoàn thành trước ngày 30/6/2024.", None),
        ("Trang 1/2", None),
    ];
    for &(text, expected) in cases {
        let got = ratios(&vietfacts::extract(text));
        match expected {
            Some((n, d, pct, subject)) => {
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                let (gn, gd, gp, gs) = &got[0];
                assert_eq!((*gn, *gd, *gp), (n, d, Some(pct)), "{text}");
                if subject.is_some() {
                    assert_eq!(gs.as_deref(), subject, "{text}");
                }
            }
            None => assert!(got.is_empty(), "{text}: {got:?}"),
        }
    }
}

#[test]
fn percents_table() {
    let cases: &[(&str, &str, f64, Role)] = &[
        ("có 98 hộ, đạt 95,45%.", "95,45%", 95.45, Role::Level),
        ("tỷ lệ đạt 95.45 % năm nay.", "95.45 %", 95.45, Role::Level),
        (
            "100% các đảng bộ phường, xã đã xuất bản.",
            "100%",
            100.0,
            Role::Level,
        ),
        (
            "tăng 12 phần trăm so với năm trước.",
            "12 phần trăm",
            12.0,
            Role::Increase,
        ),
        ("dân số nam chiếm 49,58%;", "49,58%", 49.58, Role::Share),
        (
            "thu ngân sách tăng 12,3% so với năm 2023.",
            "12,3%",
            12.3,
            Role::Increase,
        ),
        (
            "số vụ giảm 3,2% so với cùng kỳ.",
            "3,2%",
            3.2,
            Role::Decrease,
        ),
        (
            "thu ngân sách bằng 108,7% dự toán.",
            "108,7%",
            108.7,
            Role::OfPlan,
        ),
        ("giải ngân đạt 91,5% kế hoạch.", "91,5%", 91.5, Role::OfPlan),
        ("thu vượt 5% kế hoạch.", "5%", 5.0, Role::AbovePlan),
        (
            "thu ngân sách bằng 112,4% cùng kỳ.",
            "112,4%",
            112.4,
            Role::OfReference,
        ),
        ("tốc độ tăng trưởng đạt 9,2%/năm.", "9,2%", 9.2, Role::Rate),
        (
            "thông qua với tỷ lệ tán thành từ 95,65% trở lên.",
            "95,65%",
            95.65,
            Role::Threshold,
        ),
        (
            "Phấn đấu tốc độ tăng trưởng cả năm đạt 9% trở lên.",
            "9%",
            9.0,
            Role::Target,
        ),
        (
            "Mục tiêu là 100% tuyến đường có camera.",
            "100%",
            100.0,
            Role::Target,
        ),
        (
            "có 98,7% số hộ sống trong nhà kiên cố.",
            "98,7%",
            98.7,
            Role::Share,
        ),
        (
            "giảm 214 hộ, tương ứng 20,86%.",
            "20,86%",
            20.86,
            Role::Decrease,
        ),
        ("tỷ lệ hộ nghèo còn 2,14%.", "2,14%", 2.14, Role::Level),
        (
            "khoảng 70% số vụ tai nạn xảy ra ban đêm.",
            "70%",
            70.0,
            Role::Share,
        ),
        (
            "tăng khoảng 15% so với năm ngoái.",
            "15%",
            15.0,
            Role::Increase,
        ),
    ];
    for &(text, surface, value, role) in cases {
        let got = percents(&vietfacts::extract(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1, got[0].2),
            (surface, value, role),
            "{text}"
        );
    }
}

#[test]
fn percent_subjects() {
    let cases: &[(&str, &str)] = &[
        (
            "100% các đảng bộ phường, xã đã xuất bản lịch sử.",
            "các đảng bộ phường, xã",
        ),
        ("tỷ lệ hộ nghèo còn 2,14%.", "hộ nghèo"),
        ("có 98,7% số hộ đang sống trong nhà kiên cố.", "hộ"),
        (
            "tỷ lệ học sinh tốt nghiệp đạt 99,6%.",
            "học sinh tốt nghiệp",
        ),
    ];
    for &(text, subject) in cases {
        let got = percents(&vietfacts::extract(text));
        assert_eq!(
            got.first().and_then(|p| p.3.as_deref()),
            Some(subject),
            "{text}"
        );
    }
}

#[test]
fn percentage_points_and_factors_are_not_percents() {
    for text in [
        "tỷ lệ hộ nghèo giảm 0,56 điểm phần trăm.",
        "thu nhập tăng 1,7 lần so với năm 2020.",
        "Chỉ số già hóa đạt 52,3, tăng 7,9 điểm.",
    ] {
        assert!(percents(&vietfacts::extract(text)).is_empty(), "{text}");
    }
}

#[test]
fn a_percent_range_gives_both_ends() {
    let got = percents(&vietfacts::extract("mỗi năm giảm từ 5-10% số người chết."));
    let values: Vec<(f64, Role)> = got.iter().map(|p| (p.1, p.2)).collect();
    assert_eq!(values, [(5.0, Role::Decrease), (10.0, Role::Decrease)]);
}

#[test]
fn counts_table() {
    let cases: &[(&str, &str, f64, &str, Cat, Q)] = &[
        (
            "đã ban hành trên 210 văn bản để chỉ đạo.",
            "trên 210 văn bản",
            210.0,
            "văn bản",
            Cat::Document,
            Q::MoreThan,
        ),
        (
            "tổ chức 11 lớp bồi dưỡng chính trị.",
            "11 lớp",
            11.0,
            "lớp",
            Cat::Class,
            Q::Exact,
        ),
        (
            "cho 551 lượt học viên.",
            "551 lượt học viên",
            551.0,
            "lượt học viên",
            Cat::Participant,
            Q::Exact,
        ),
        (
            "hỗ trợ xây mới 9 nhà văn hóa thôn.",
            "9 nhà văn hóa",
            9.0,
            "nhà văn hóa",
            Cat::Facility,
            Q::Exact,
        ),
        (
            "mở hai lớp tập huấn.",
            "hai lớp",
            2.0,
            "lớp",
            Cat::Class,
            Q::Exact,
        ),
        (
            "huy động ba nghìn lượt đoàn viên tham gia.",
            "ba nghìn lượt đoàn viên",
            3000.0,
            "lượt đoàn viên",
            Cat::Participant,
            Q::Exact,
        ),
        (
            "hơn 150 đại biểu chính thức dự.",
            "hơn 150 đại biểu",
            150.0,
            "đại biểu",
            Cat::Participant,
            Q::MoreThan,
        ),
        (
            "phản bác gần 340 bài viết sai trái.",
            "gần 340 bài viết",
            340.0,
            "bài viết",
            Cat::Document,
            Q::Almost,
        ),
        (
            "dự kiến giúp khoảng 1.500 hộ có sinh kế.",
            "khoảng 1.500 hộ",
            1500.0,
            "hộ",
            Cat::Household,
            Q::Approximately,
        ),
        (
            "lực lượng lao động ước tính 742,6 nghìn người.",
            "ước tính 742,6 nghìn người",
            742_600.0,
            "người",
            Cat::Person,
            Q::Estimated,
        ),
        (
            "bài thu hoạch dài không quá 5 trang.",
            "không quá 5 trang",
            5.0,
            "trang",
            Cat::Page,
            Q::AtMost,
        ),
        (
            "có ít nhất 3 đơn vị đăng ký.",
            "ít nhất 3 đơn vị",
            3.0,
            "đơn vị",
            Cat::Organization,
            Q::AtLeast,
        ),
        (
            "có dưới 20 hộ nghèo.",
            "dưới 20 hộ nghèo",
            20.0,
            "hộ nghèo",
            Cat::Household,
            Q::LessThan,
        ),
        (
            "chưa đến 10 xã đạt chuẩn.",
            "chưa đến 10 xã",
            10.0,
            "xã",
            Cat::AdministrativeUnit,
            Q::LessThan,
        ),
        (
            "lễ hội thu hút lên đến 500 người.",
            "lên đến 500 người",
            500.0,
            "người",
            Cat::Person,
            Q::Exact,
        ),
        (
            "kết nạp 68 đảng viên mới.",
            "68 đảng viên mới",
            68.0,
            "đảng viên mới",
            Cat::PartyMember,
            Q::Exact,
        ),
        (
            "có 27 chi bộ trực thuộc.",
            "27 chi bộ",
            27.0,
            "chi bộ",
            Cat::Organization,
            Q::Exact,
        ),
        (
            "hiến hơn 18.000 m2 đất.",
            "hơn 18.000 m2",
            18000.0,
            "m2",
            Cat::Area,
            Q::MoreThan,
        ),
        (
            "tuyến đường dài 4,8 km đã được cứng hóa.",
            "4,8 km",
            4.8,
            "km",
            Cat::Length,
            Q::Exact,
        ),
        (
            "gieo cấy 6.480 ha lúa.",
            "6.480 ha",
            6480.0,
            "ha",
            Cat::Area,
            Q::Exact,
        ),
        (
            "xảy ra 412 vụ tai nạn giao thông.",
            "412 vụ tai nạn giao thông",
            412.0,
            "vụ tai nạn giao thông",
            Cat::Case,
            Q::Exact,
        ),
        (
            "tạm giữ 3.904 phương tiện.",
            "3.904 phương tiện",
            3904.0,
            "phương tiện",
            Cat::Vehicle,
            Q::Exact,
        ),
        (
            "nhận được 263 tác phẩm dự thi.",
            "263 tác phẩm",
            263.0,
            "tác phẩm",
            Cat::Work,
            Q::Exact,
        ),
        (
            "trao 150 suất học bổng.",
            "150 suất học bổng",
            150.0,
            "suất học bổng",
            Cat::Gift,
            Q::Exact,
        ),
        (
            "Đại hội đã bầu 17 đồng chí vào Ban Chấp hành.",
            "17 đồng chí",
            17.0,
            "đồng chí",
            Cat::Person,
            Q::Exact,
        ),
        (
            "tổng đàn lợn đạt 38.600 con.",
            "38.600 con",
            38600.0,
            "con",
            Cat::Animal,
            Q::Exact,
        ),
        (
            "đã tổ chức 9 hội nghị học tập.",
            "9 hội nghị",
            9.0,
            "hội nghị",
            Cat::Session,
            Q::Exact,
        ),
        (
            "với 05 buổi học tập trung.",
            "05 buổi",
            5.0,
            "buổi",
            Cat::Session,
            Q::Exact,
        ),
        (
            "Hai học viên chưa đủ điều kiện.",
            "Hai học viên",
            2.0,
            "học viên",
            Cat::Participant,
            Q::Exact,
        ),
        (
            "hoàn thành 15 chỉ tiêu.",
            "15 chỉ tiêu",
            15.0,
            "chỉ tiêu",
            Cat::Target,
            Q::Exact,
        ),
        (
            "12 khu dân cư mới được quy hoạch.",
            "12 khu dân cư",
            12.0,
            "khu dân cư",
            Cat::ResidentialArea,
            Q::Exact,
        ),
        (
            "tổ chức 14 lễ hội truyền thống.",
            "14 lễ hội",
            14.0,
            "lễ hội",
            Cat::Event,
            Q::Exact,
        ),
        (
            "trao 17 giải cho các tác giả.",
            "17 giải",
            17.0,
            "giải",
            Cat::Prize,
            Q::Exact,
        ),
        (
            "thảo luận 6 chuyên đề.",
            "6 chuyên đề",
            6.0,
            "chuyên đề",
            Cat::Other,
            Q::Exact,
        ),
        (
            "trợ cấp cho 86 hộ gia đình.",
            "86 hộ gia đình",
            86.0,
            "hộ gia đình",
            Cat::Household,
            Q::Exact,
        ),
    ];
    for &(text, surface, value, unit, category, qualifier) in cases {
        let facts = vietfacts::extract(text);
        let got = count_rows(&facts);
        assert_eq!(got, [(surface, value, unit, category, qualifier)], "{text}");
    }
}

#[test]
fn at_least_from_tro_len() {
    let facts = vietfacts::extract("các xã có từ 5 thôn trở lên được hỗ trợ.");
    let got = count_rows(&facts);
    assert_eq!(
        got,
        [(
            "5 thôn trở lên",
            5.0,
            "thôn",
            Cat::ResidentialArea,
            Q::AtLeast
        )]
    );
}

#[test]
fn coordinated_counts_are_separate() {
    let cases: &[(&str, &[(f64, Cat)])] = &[
        (
            "Toàn thành phố đã có 125 tập thể, 91 cá nhân được biểu dương.",
            &[(125.0, Cat::Collective), (91.0, Cat::Individual)],
        ),
        (
            "tổ chức 11 lớp bồi dưỡng chính trị, nghiệp vụ cho 551 lượt học viên.",
            &[(11.0, Cat::Class), (551.0, Cat::Participant)],
        ),
        (
            "tặng Giấy khen cho 12 tập thể và 27 cá nhân.",
            &[(12.0, Cat::Collective), (27.0, Cat::Individual)],
        ),
        (
            "gồm 1 giải A, 3 giải B, 5 giải C và 8 giải Khuyến khích.",
            &[
                (1.0, Cat::Prize),
                (3.0, Cat::Prize),
                (5.0, Cat::Prize),
                (8.0, Cat::Prize),
            ],
        ),
    ];
    for &(text, expected) in cases {
        let facts = vietfacts::extract(text);
        let got: Vec<(f64, Cat)> = facts
            .counts
            .iter()
            .map(|c| (c.value.as_f64(), c.category))
            .collect();
        assert_eq!(got, expected, "{text}");
    }
}

#[test]
fn money_table() {
    type Row<'a> = (&'a str, &'a str, f64, Currency, Q, Option<&'a str>);
    let cases: &[Row] = &[
        (
            "thu ngân sách đạt 1.250 tỷ đồng.",
            "1.250 tỷ đồng",
            1.25e12,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "mỗi hộ được hỗ trợ 3,5 triệu đồng.",
            "3,5 triệu đồng",
            3.5e6,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "gồm 500 nghìn đồng tiền mặt.",
            "500 nghìn đồng",
            5e5,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "Quỹ đã tiếp nhận 2 tỷ 300 triệu đồng.",
            "2 tỷ 300 triệu đồng",
            2.3e9,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "huyện đã tiếp nhận hơn 12 tỷ đồng.",
            "hơn 12 tỷ đồng",
            1.2e10,
            Currency::Vnd,
            Q::MoreThan,
            None,
        ),
        (
            "dự án có tổng vốn 1,2 triệu USD.",
            "1,2 triệu USD",
            1.2e6,
            Currency::Usd,
            Q::Exact,
            None,
        ),
        (
            "nhu yếu phẩm trị giá 300.000đ.",
            "300.000đ",
            3e5,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "học bổng trị giá 1.000.000 VNĐ.",
            "1.000.000 VNĐ",
            1e6,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "tặng quà trị giá năm trăm nghìn đồng.",
            "năm trăm nghìn đồng",
            5e5,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
        (
            "hỗ trợ với mức 50 triệu đồng/căn.",
            "50 triệu đồng/căn",
            5e7,
            Currency::Vnd,
            Q::Exact,
            Some("căn"),
        ),
        (
            "mỗi hộ 40 triệu đồng.",
            "40 triệu đồng",
            4e7,
            Currency::Vnd,
            Q::Exact,
            Some("hộ"),
        ),
        (
            "thu ngân sách ước đạt 986,4 tỷ đồng.",
            "ước đạt 986,4 tỷ đồng",
            9.864e11,
            Currency::Vnd,
            Q::Estimated,
            None,
        ),
        (
            "tỉnh sẽ đầu tư khoảng 68 tỷ đồng.",
            "khoảng 68 tỷ đồng",
            6.8e10,
            Currency::Vnd,
            Q::Approximately,
            None,
        ),
        (
            "giá trông giữ 30.000 đồng/lượt ô tô và xe máy.",
            "30.000 đồng/lượt ô tô",
            3e4,
            Currency::Vnd,
            Q::Exact,
            Some("lượt ô tô"),
        ),
        (
            "thu nhập đạt trên 100 triệu đồng/năm.",
            "trên 100 triệu đồng/năm",
            1e8,
            Currency::Vnd,
            Q::MoreThan,
            Some("năm"),
        ),
        (
            "chi 1 tỷ 50 triệu đồng.",
            "1 tỷ 50 triệu đồng",
            1.05e9,
            Currency::Vnd,
            Q::Exact,
            None,
        ),
    ];
    for &(text, surface, value, currency, qualifier, per) in cases {
        let facts = vietfacts::extract(text);
        let got = money_rows(&facts);
        assert_eq!(got, [(surface, value, currency, qualifier, per)], "{text}");
        assert!(facts.counts.is_empty(), "{text}: money is not a count");
    }
}

#[test]
fn money_subjects() {
    let cases: &[(&str, &str)] = &[
        (
            "thu ngân sách nhà nước trên địa bàn ước đạt 1.250 tỷ đồng.",
            "thu ngân sách nhà nước trên địa bàn",
        ),
        (
            "Thành phố đã giải ngân 342,18 tỷ đồng vốn đầu tư công, đạt 91,5%.",
            "vốn đầu tư công",
        ),
    ];
    for &(text, subject) in cases {
        let facts = vietfacts::extract(text);
        assert_eq!(
            facts.money.first().and_then(|m| m.subject.as_deref()),
            Some(subject),
            "{text}"
        );
    }
}

#[test]
fn a_range_of_amounts_shares_its_unit() {
    let facts = vietfacts::extract("mức hỗ trợ tăng từ 1,2 lên 1,5 triệu đồng/người/tháng.");
    let got: Vec<(f64, Option<&str>)> = facts
        .money
        .iter()
        .map(|m| (m.value.as_f64(), m.per.as_deref()))
        .collect();
    assert_eq!(
        got,
        [(1.2e6, Some("người/tháng")), (1.5e6, Some("người/tháng"))]
    );
    let facts = vietfacts::extract("Giải ngân đạt 96,3/187,5 tỷ đồng.");
    let got: Vec<f64> = facts.money.iter().map(|m| m.value.as_f64()).collect();
    assert_eq!(got, [9.63e10, 1.875e11]);
}

#[test]
fn durations_table() {
    let cases: &[(&str, Option<(f64, DurationUnit)>)] = &[
        (
            "trong giai đoạn 10 năm tới",
            Some((10.0, DurationUnit::Year)),
        ),
        (
            "kỷ niệm 50 năm ngày thành lập",
            Some((50.0, DurationUnit::Year)),
        ),
        (
            "Lớp học diễn ra trong 3 ngày, từ ngày 15.",
            Some((3.0, DurationUnit::Day)),
        ),
        (
            "nộp trong vòng 45 phút sau buổi học.",
            Some((45.0, DurationUnit::Minute)),
        ),
        (
            "sau gần 4 tháng phát động.",
            Some((4.0, DurationUnit::Month)),
        ),
        (
            "Trong hai ngày 9 và 10-12, kỳ họp diễn ra.",
            Some((2.0, DurationUnit::Day)),
        ),
        ("rút ngắn khoảng 2 tuần.", Some((2.0, DurationUnit::Week))),
        (
            "làm việc 8 tiếng mỗi ngày.",
            Some((8.0, DurationUnit::Hour)),
        ),
        // Not durations.
        ("kết quả 6 tháng đầu năm 2024.", None),
        ("Thời điểm điều tra là 0 giờ ngày 1/4/2024.", None),
        ("tăng 3,1 m2 so với 5 năm trước.", None),
        ("lúc 8 giờ 30 cùng ngày", None),
        ("khi đó Sư đoàn mới 37 ngày tuổi.", None),
    ];
    for &(text, expected) in cases {
        let facts = vietfacts::extract(text);
        let got: Vec<(f64, DurationUnit)> = facts
            .durations
            .iter()
            .map(|d| (d.value.as_f64(), d.unit))
            .collect();
        assert_eq!(got, expected.into_iter().collect::<Vec<_>>(), "{text}");
        assert!(
            facts
                .counts
                .iter()
                .all(|c| c.unit != "năm" && c.unit != "tháng"),
            "{text}"
        );
    }
}

#[test]
fn ages_are_neither_counts_nor_durations() {
    for text in [
        "Tỷ lệ biết chữ của dân số từ 15 tuổi trở lên.",
        "người điều khiển dưới 30 tuổi.",
        "Nhóm dân số từ 0-14 tuổi.",
    ] {
        let facts = vietfacts::extract(text);
        assert_eq!(figure_count(&facts), 0, "{text}: {facts:?}");
    }
}

#[test]
fn a_percent_states_its_ratio_and_a_mismatch_is_reported() {
    let text = "có 17.279/18.121 hộ gia đình đăng ký đạt danh hiệu “Gia đình văn hóa”, đạt 95,45%; thành phố";
    let facts = vietfacts::extract(text);
    let ids: Vec<&str> = facts.statistics.iter().map(|s| s.id().as_str()).collect();
    assert_eq!(ids, ["s1", "s2"]);
    let Some(Statistic::Percent(p)) = facts.statistics.get(1) else {
        panic!("a percent second: {facts:?}");
    };
    assert_eq!(p.states.as_ref().map(|id| id.as_str()), Some("s1"));
    assert_eq!(p.subject.as_deref(), Some("hộ gia đình"));
    assert_eq!(facts.warnings.len(), 1);
    let warning = &facts.warnings[0];
    assert_eq!(warning.kind, WarningKind::PercentMismatch);
    let facts_ids: Vec<&str> = warning.facts.iter().map(|id| id.as_str()).collect();
    assert_eq!(facts_ids, ["s1", "s2"]);
    assert!(
        warning.message.contains("95.35") && warning.message.contains("95,45%"),
        "{}",
        warning.message
    );
}

#[test]
fn warnings_table() {
    let cases: &[(&str, &[WarningKind])] = &[
        // Within the stated figure's rounding: no warning.
        ("đạt 2/3 số phiếu, đạt 67%.", &[]),
        ("có 3.418/3.502 đảng viên tham gia, đạt 97,60%.", &[]),
        (
            "có 45/46 đại biểu tán thành, đạt 97,83% số đại biểu có mặt và bằng 91,84% tổng số đại biểu.",
            &[],
        ),
        (
            "70/72 học viên đủ điều kiện, trong đó 18 học viên đạt loại giỏi (25%), 44 học viên khá.",
            &[],
        ),
        // Beyond it.
        (
            "có 12.684/13.517 hộ gia đình được công nhận, đạt 94,1%.",
            &[WarningKind::PercentMismatch],
        ),
        (
            "đạt 2/3 số phiếu, đạt 68%.",
            &[WarningKind::PercentMismatch],
        ),
        (
            "hoàn thành đạt 13/12 chỉ tiêu.",
            &[WarningKind::NumeratorAboveDenominator],
        ),
        ("dân số nam chiếm 104%.", &[WarningKind::ShareAboveHundred]),
        (
            "Hội nghị có 120 đại biểu, trong đó 80 đại biểu nam, 50 đại biểu nữ.",
            &[WarningKind::PartsExceedTotal],
        ),
        (
            "Hội nghị có 120 đại biểu, trong đó 70 đại biểu nam, 50 đại biểu nữ.",
            &[],
        ),
        (
            "Tổng vốn 10 tỷ đồng, trong đó ngân sách 6 tỷ đồng, xã hội hóa 5 tỷ đồng.",
            &[WarningKind::PartsExceedTotal],
        ),
        // "Of which" capitalized after a colon is the same cue.
        (
            "Tổng số 120 đại biểu: Trong đó 80 đại biểu nam, 50 đại biểu nữ.",
            &[WarningKind::PartsExceedTotal],
        ),
    ];
    for &(text, expected) in cases {
        let facts = vietfacts::extract(text);
        let got: Vec<WarningKind> = facts.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(got, expected, "{text}: {:?}", facts.warnings);
    }
}

#[test]
fn never_facts_table() {
    let cases: &[&str] = &[
        // Names with numbers.
        "Trưởng Ban chỉ đạo 35 thành phố dự hội nghị.",
        "các đồng chí tổ giúp việc 35 thành phố dự.",
        "Cộng tác viên 35 thành phố dự hội nghị.",
        "duy trì hiệu quả hoạt động của nhóm Mocha 35 thành viên.",
        "quy hoạch Khu công nghiệp Tam Điệp 2 hộ dân đồng tình.",
        "ở tổ dân phố số 5 phường Bắc Sơn.",
        "Đoàn kiểm tra số 2 của Ban Thường vụ.",
        "Sau cơn bão số 3 và hoàn lưu bão.",
        "dự án Cụm công nghiệp Phù Lưu 2 chậm tiến độ.",
        "chuyên mục “Đối thoại 35” trên cổng thông tin.",
        // Ordinals.
        "các nghị quyết Hội nghị Trung ương 6, 7, 8 khóa XIII.",
        "kỳ họp thứ 5, thứ 6 Quốc hội khóa XV.",
        "Hội nghị lần thứ 9, lần thứ 10 Ban Chấp hành.",
        "vào thứ 5 tuần này.",
        "nghị quyết trung ương 4 về xây dựng Đảng.",
        "Đại hội XIV của Đảng.",
        // Floors, rooms, addresses.
        "tại phòng họp tầng 2, nhà văn hóa thành phố.",
        "tại phòng 305 nhà A.",
        "tại số 12 đường Lê Lợi, thị trấn.",
        "số 8 đường 30/4, thành phố Hoài Sơn.",
        "tại Trạm Km 45+300 trên tuyến tránh.",
        "tuyến đường ĐH.07 chậm tiến độ.",
        // Document numbers.
        "thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.",
        "theo Quyết định 1234/QĐ-UBND ngày 15/3/2024.",
        "theo Nghị định 100/2019/NĐ-CP của Chính phủ.",
        "Chỉ thị 05-CT/TW của Bộ Chính trị.",
        "Số: 45/TC-CTK",
        // Dates, years, times.
        "Ngày 15/3, tỉnh tổ chức hội nghị.",
        "trong năm 2023 và năm 2024.",
        "Hội nghị bắt đầu lúc 8h30 sáng.",
        "nhiệm kỳ 2020-2025 đã kết thúc.",
        "Tối 21/6 (thứ Sáu), tại nhà văn hóa.",
        "20/02/2025 07:45",
        "khai mạc tối mùng 8 tháng Giêng.",
        "báo cáo trước ngày 20 hằng tháng.",
        // Phone numbers.
        "liên hệ điện thoại 0912 345 678 hoặc số máy bàn (0227) 3.851.904.",
        "điện thoại: 0227.3852.619.",
        // Number words that are not numbers.
        "một số đơn vị chưa thực hiện.",
        "bằng một nghị quyết chuyên đề.",
        "giúp hàng nghìn hộ nghèo ổn định cuộc sống.",
        "công tác tuyên truyền phải đi trước một bước.",
        "Đây là lớp thứ ba được tổ chức trong năm.",
        // A bare number counts nothing.
        "Đặc biệt là phương châm “4 tại chỗ”.",
    ];
    for &text in cases {
        let facts = vietfacts::extract(text);
        assert_eq!(figure_count(&facts), 0, "{text}: {facts:#?}");
    }
}

#[test]
fn page_chrome_and_related_headlines_are_not_facts() {
    let text = "Toàn tỉnh có 125 tập thể được khen thưởng trong năm qua, nhiều tập thể tiêu biểu.\n\
                Hải Nam\nTrực tuyến: 219\nHôm nay: 1387\nLượt xem: 1.356\n\
                Tin cùng chuyên mục:\nHoài Sơn có 12 sản phẩm OCOP đạt 4 sao (19/03/2024)";
    let facts = vietfacts::extract(text);
    let got: Vec<f64> = facts.counts.iter().map(|c| c.value.as_f64()).collect();
    assert_eq!(got, [125.0]);
    assert!(facts.statistics.is_empty() && facts.money.is_empty());
}

#[test]
fn ids_follow_span_order_per_kind() {
    let text = "Năm 2024 có 98/103 khu dân cư đạt chuẩn, 100% chi bộ hoàn thành; thu 1.250 tỷ đồng \
                và 12 tỷ đồng; tổ chức 11 lớp cho 551 lượt học viên trong 3 ngày và 2 tháng.";
    let facts = vietfacts::extract(text);
    let ids = |v: Vec<&str>| v.join(",");
    assert_eq!(
        ids(facts.statistics.iter().map(|s| s.id().as_str()).collect()),
        "s1,s2"
    );
    assert_eq!(
        ids(facts.counts.iter().map(|c| c.id.as_str()).collect()),
        "c1,c2"
    );
    assert_eq!(
        ids(facts.money.iter().map(|m| m.id.as_str()).collect()),
        "m1,m2"
    );
    assert_eq!(
        ids(facts.durations.iter().map(|d| d.id.as_str()).collect()),
        "u1,u2"
    );
    let starts: Vec<usize> = facts.counts.iter().map(|c| c.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn spans_point_into_the_callers_text() {
    // Decomposed marks and a CRLF line end: the normalized text differs from the input.
    let text =
        "Nhà văn hoa\u{300}.\r\nCó 117/120 khu dân cư, 9 nha\u{300} văn hóa và 3,5 triệu đồng.";
    let facts = vietfacts::extract(text);
    let surfaces: Vec<&str> = facts
        .statistics
        .iter()
        .map(|s| s.span())
        .chain(facts.counts.iter().map(|c| c.span))
        .chain(facts.money.iter().map(|m| m.span))
        .map(|span| {
            text.get(span.start..span.end)
                .unwrap_or("<not a char boundary>")
        })
        .collect();
    assert_eq!(
        surfaces,
        ["117/120", "9 nha\u{300} văn hóa", "3,5 triệu đồng"]
    );
}

#[test]
fn the_example_shape_report() {
    // A report written for this test in the shape of a real one: names with numbers,
    // ordinals, a floor, figures, a wrong percent, and page chrome.
    let text = "Sáng 9-1, tại hội trường tầng 3, Ban Chỉ đạo 35 thành phố tổ chức hội nghị.\n\
        Ban Tuyên giáo đã ban hành trên 180 văn bản; tổ chức 9 hội nghị học tập văn kiện Hội nghị \
        lần thứ 9, lần thứ 10 cho 4.750 lượt cán bộ. Toàn Đảng bộ có 3.418/3.502 đảng viên tham \
        gia học tập, đạt 97,60%; 100% chi bộ đã xây dựng chương trình. Năm 2024 có \
        12.684/13.517 hộ gia đình đạt danh hiệu, đạt 94,1%; 7 nhà văn hóa được xây mới.\n\
        Thu Hằng\nTrực tuyến: 318\nHôm nay: 2.047";
    let facts = vietfacts::extract(text);
    let counts: Vec<(f64, Cat)> = facts
        .counts
        .iter()
        .map(|c| (c.value.as_f64(), c.category))
        .collect();
    assert_eq!(
        counts,
        [
            (180.0, Cat::Document),
            (9.0, Cat::Session),
            (4750.0, Cat::Participant),
            (7.0, Cat::Facility)
        ]
    );
    assert_eq!(ratios(&facts).len(), 2);
    assert_eq!(percents(&facts).len(), 3);
    let warnings: Vec<WarningKind> = facts.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(warnings, [WarningKind::PercentMismatch]);
}

#[test]
fn no_input_makes_it_panic() {
    for text in [
        "",
        "%",
        "/",
        "1/",
        "/2",
        "1/0 hộ",
        "0/0 chỉ tiêu, đạt 0%",
        "đạt 99999999999999999999%",
        "18446744073709551615/1 hộ",
        "trên",
        "mỗi",
        "1 tỷ tỷ tỷ đồng",
        "5-",
        "5-%",
        "(",
        "12 %/",
        "đồng",
        "từ 1,2 lên",
        "trong đó",
        "12.684/13.517/",
        "1,2,3/4 hộ",
        "ư/ư",
    ] {
        let _ = vietfacts::extract(text);
    }
}

#[test]
fn money_after_a_prize_grade_is_read() {
    let facts = vietfacts::extract(
        "Ban tổ chức trao 01 giải Nhất 5 triệu đồng, giải Nhì 3 triệu đồng và giải Khuyến khích 1 triệu đồng.",
    );
    let amounts: Vec<u64> = facts
        .money
        .iter()
        .filter_map(|m| m.value.as_integer())
        .collect();
    assert_eq!(amounts, [5_000_000, 3_000_000, 1_000_000]);
}
