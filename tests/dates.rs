//! Dates and time expressions: what a reader of a report expects for each form, the numbers
//! that are not dates, and the year-inference rule on short reports.

use serde_json::Value;
use vietfacts::Extractor;
use vietfacts::facts::{DateFact, Facts};
use vietfacts::timex::Timex;

fn facts(reference: Option<&str>, text: &str) -> Facts {
    Extractor::new()
        .reference_date(reference.map(|r| r.parse().unwrap()))
        .extract(text)
}

fn field(fact: &DateFact, name: &str) -> String {
    match serde_json::to_value(fact).unwrap().get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Null) | None => "-".to_string(),
        Some(other) => other.to_string(),
    }
}

/// (reference date, input, expression, value, granularity, kind, part of day, modifier,
/// calendar, year inferred); "-" is null.
type Case = (
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
);

const R: Option<&str> = Some("2024-03-14");

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Full dates.
    (None, "Hội nghị diễn ra ngày 15/3/2024 tại tỉnh.", "ngày 15/3/2024", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (None, "Ký ban hành 15-3-2024.", "15-3-2024", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (None, "Ký ban hành 15.3.2024.", "15.3.2024", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (None, "Ký ban hành 15/03/2024.", "15/03/2024", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (None, "Hà Nội, ngày 15 tháng 3 năm 2024", "ngày 15 tháng 3 năm 2024", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (None, "Khai mạc ngày mùng 5 tháng 2, tại xã.", "ngày mùng 5 tháng 2", "XXXX-02-05", "day", "point", "-", "-", "gregorian", false),
    (None, "Báo cáo ngày 29/2/2024 đã gửi.", "ngày 29/2/2024", "2024-02-29", "day", "point", "-", "-", "gregorian", false),
    (None, "Quyết định ngày 31/12/2023 của tỉnh.", "ngày 31/12/2023", "2023-12-31", "day", "point", "-", "-", "gregorian", false),
    (None, "Ngày 1/1/2025, luật có hiệu lực.", "Ngày 1/1/2025", "2025-01-01", "day", "point", "-", "-", "gregorian", false),
    (None, "Nghị quyết ban hành ngày 8-12-2021.", "ngày 8-12-2021", "2021-12-08", "day", "point", "-", "-", "gregorian", false),
    (None, "THÔNG BÁO NGÀY 2/9/2025 VỀ LỄ", "NGÀY 2/9/2025", "2025-09-02", "day", "point", "-", "-", "gregorian", false),
    // A weekday in front.
    (None, "Thứ 5, 14/03/2024 | 09:30\nTin bài.", "Thứ 5, 14/03/2024 | 09:30", "2024-03-14T09:30", "time", "point", "-", "-", "gregorian", false),
    (R, "Họp vào thứ Hai (8/1) tới.", "vào thứ Hai (8/1)", "2024-01-08", "day", "point", "-", "-", "gregorian", true),
    (R, "Chủ nhật, ngày 7-1, đoàn về thăm.", "Chủ nhật, ngày 7-1", "2024-01-07", "day", "point", "-", "-", "gregorian", true),
    (None, "Tối 21/6 (thứ Sáu), tại nhà văn hóa.", "Tối 21/6 (thứ Sáu)", "XXXX-06-21", "day", "point", "evening", "-", "gregorian", false),
    (None, "Thứ Bảy, 6/1/2024, đoàn về xã.", "Thứ Bảy, 6/1/2024", "2024-01-06", "day", "point", "-", "-", "gregorian", false),
    // Day and month without a year.
    (None, "Sáng 11-1, tại hội trường.", "Sáng 11-1", "XXXX-01-11", "day", "point", "morning", "-", "gregorian", false),
    (R, "Sáng 11-1, tại hội trường.", "Sáng 11-1", "2024-01-11", "day", "point", "morning", "-", "gregorian", true),
    (R, "Chiều 21/3, đoàn làm việc.", "Chiều 21/3", "2024-03-21", "day", "point", "afternoon", "-", "gregorian", true),
    (R, "Lễ kỷ niệm ngày 2/9 sắp tới.", "ngày 2/9", "2024-09-02", "day", "point", "-", "-", "gregorian", true),
    (R, "Hội nghị (15/3) đã kết thúc.", "15/3", "2024-03-15", "day", "point", "-", "-", "gregorian", true),
    (R, "Trưa 12/3, xe đến nơi.", "Trưa 12/3", "2024-03-12", "day", "point", "noon", "-", "gregorian", true),
    (R, "Tối 10/3, trời mưa.", "Tối 10/3", "2024-03-10", "day", "point", "evening", "-", "gregorian", true),
    (R, "Đêm 9/3, lũ về.", "Đêm 9/3", "2024-03-09", "day", "point", "night", "-", "gregorian", true),
    (R, "Ngày 20/12, tổng kết năm.", "Ngày 20/12", "2023-12-20", "day", "point", "-", "-", "gregorian", true),
    (Some("2024-08-15"), "Kế hoạch nộp trước ngày 25/10.", "trước ngày 25/10", "2024-10-25", "day", "point", "-", "before", "gregorian", true),
    (R, "Áp dụng sau ngày 15/3.", "sau ngày 15/3", "2024-03-15", "day", "point", "-", "after", "gregorian", true),
    (R, "Trong hai ngày 9 và 10-3, tại tỉnh.", "ngày 9 và 10-3", "2024-03-09/2024-03-10", "range", "range", "-", "-", "gregorian", true),
    // Months.
    (None, "Tổ chức vào tháng 3/2024.", "vào tháng 3/2024", "2024-03", "month", "point", "-", "-", "gregorian", false),
    (None, "Trong tháng 3 năm 2024 có mưa.", "Trong tháng 3 năm 2024", "2024-03", "month", "point", "-", "-", "gregorian", false),
    (R, "Hội chợ mở vào tháng Ba.", "vào tháng Ba", "2024-03", "month", "point", "-", "-", "gregorian", true),
    (R, "Dự kiến hoàn thành tháng 12.", "tháng 12", "2023-12", "month", "point", "-", "-", "gregorian", true),
    (R, "Hoàn thành cuối tháng 10.", "cuối tháng 10", "2023-10", "month", "point", "-", "end", "gregorian", true),
    (None, "Khai giảng vào đầu tháng 11/2024.", "vào đầu tháng 11/2024", "2024-11", "month", "point", "-", "start", "gregorian", false),
    (None, "Sau bão (tháng 9/2024), xã khắc phục.", "tháng 9/2024", "2024-09", "month", "point", "-", "-", "gregorian", false),
    (None, "Trong tháng Mười Hai năm 2023 có hội chợ.", "Trong tháng Mười Hai năm 2023", "2023-12", "month", "point", "-", "-", "gregorian", false),
    (None, "Đến tháng 6-2025 phải xong.", "Đến tháng 6-2025", "2025-06", "month", "point", "-", "until", "gregorian", false),
    // Years.
    (None, "Kết quả năm 2023 khả quan.", "năm 2023", "2023", "year", "point", "-", "-", "gregorian", false),
    (None, "Năm 2024, tỉnh phát triển.", "Năm 2024", "2024", "year", "point", "-", "-", "gregorian", false),
    (None, "Đã đạt trong năm 2023.", "trong năm 2023", "2023", "year", "point", "-", "-", "gregorian", false),
    (R, "Kế hoạch năm nay đã xong.", "năm nay", "2024", "year", "point", "-", "-", "gregorian", false),
    (R, "So với năm trước tăng 5%.", "năm trước", "2023", "year", "point", "-", "-", "gregorian", false),
    (None, "Nhiệm vụ năm 2023-2024 được giao.", "năm 2023-2024", "2023/2024", "range", "range", "-", "-", "gregorian", false),
    (None, "Ngay trong năm 2024, tỉnh đầu tư.", "Ngay trong năm 2024", "2024", "year", "point", "-", "-", "gregorian", false),
    (None, "Phấn đấu đến năm 2030 đạt chuẩn.", "đến năm 2030", "2030", "year", "point", "-", "by", "gregorian", false),
    (None, "Lịch sử xuất bản năm 2007; tái bản.", "năm 2007", "2007", "year", "point", "-", "-", "gregorian", false),
    (None, "Kể từ năm 1945, đất nước độc lập.", "Kể từ năm 1945", "1945", "year", "point", "-", "start", "gregorian", false),
    (R, "Chỉ tiêu cả năm đạt 9%.", "cả năm", "2024", "year", "point", "-", "-", "gregorian", true),
    // Ranges and periods.
    (None, "Giữa nhiệm kỳ 2020-2025 đã sơ kết.", "nhiệm kỳ 2020-2025", "2020/2025", "range", "range", "-", "-", "gregorian", false),
    (None, "HĐND khóa XII, nhiệm kỳ 2021 - 2026 họp.", "nhiệm kỳ 2021 - 2026", "2021/2026", "range", "range", "-", "-", "gregorian", false),
    (None, "Kế hoạch giai đoạn 2021-2025 của tỉnh.", "giai đoạn 2021-2025", "2021/2025", "range", "range", "-", "-", "gregorian", false),
    (None, "Số liệu từ năm 2020 đến năm 2023 cho thấy.", "từ năm 2020 đến năm 2023", "2020/2023", "range", "range", "-", "-", "gregorian", false),
    (None, "Đợt thi đua từ ngày 1/3 đến ngày 15/3/2024 kết thúc.", "từ ngày 1/3 đến ngày 15/3/2024", "2024-03-01/2024-03-15", "range", "range", "-", "-", "gregorian", false),
    (None, "Năm học 2023-2024, tỷ lệ đi học cao.", "Năm học 2023-2024", "2023/2024", "range", "academic_year", "-", "-", "gregorian", false),
    (Some("2024-01-11"), "Các kỳ họp từ đầu năm 2023 đến nay.", "từ đầu năm 2023 đến nay", "2023/2024-01-11", "range", "range", "-", "-", "gregorian", false),
    (None, "Các kỳ họp từ đầu năm 2023 đến nay.", "từ đầu năm 2023 đến nay", "-", "other", "range", "-", "-", "gregorian", false),
    (None, "Tháng cao điểm (từ ngày 17/10 đến 18/11/2024) đã xong.", "từ ngày 17/10 đến 18/11/2024", "2024-10-17/2024-11-18", "range", "range", "-", "-", "gregorian", false),
    (None, "Lớp học diễn ra từ ngày 15 đến 17/8/2024, tại huyện.", "từ ngày 15 đến 17/8/2024", "2024-08-15/2024-08-17", "range", "range", "-", "-", "gregorian", false),
    (None, "Thu thập từ ngày 1/4 đến hết ngày 30/4/2024.", "từ ngày 1/4 đến hết ngày 30/4/2024", "2024-04-01/2024-04-30", "range", "range", "-", "-", "gregorian", false),
    (None, "Dự án triển khai trong giai đoạn 2024-2027, dự kiến.", "trong giai đoạn 2024-2027", "2024/2027", "range", "range", "-", "-", "gregorian", false),
    (None, "Từ tháng 3 đến tháng 5/2024 có mưa.", "Từ tháng 3 đến tháng 5/2024", "2024-03/2024-05", "range", "range", "-", "-", "gregorian", false),
    // Parts of a year.
    (None, "Kết quả Quý I/2024 khả quan.", "Quý I/2024", "2024-Q1", "quarter", "point", "-", "-", "gregorian", false),
    (None, "Kết quả quý II năm 2024 khả quan.", "quý II năm 2024", "2024-Q2", "quarter", "point", "-", "-", "gregorian", false),
    (None, "Công bố trong quý IV/2024.", "trong quý IV/2024", "2024-Q4", "quarter", "point", "-", "-", "gregorian", false),
    (R, "Tập trung thu trong quý III và quý IV.", "trong quý III", "2024-Q3", "quarter", "point", "-", "-", "gregorian", true),
    (R, "Tập trung thu trong quý III và quý IV.", "quý IV", "2024-Q4", "quarter", "point", "-", "-", "gregorian", true),
    (Some("2024-08-15"), "Giỗ tổ ngày 10 tháng 3 âm lịch tại đền.", "ngày 10 tháng 3 âm lịch", "2024-03-10", "day", "point", "-", "-", "lunar", true),
    (None, "Sơ kết 6 tháng đầu năm 2024 của huyện.", "6 tháng đầu năm 2024", "2024-H1", "half", "point", "-", "-", "gregorian", false),
    (R, "Nhiệm vụ 6 tháng cuối năm được giao.", "6 tháng cuối năm", "2024-H2", "half", "point", "-", "-", "gregorian", true),
    (None, "Ước 9 tháng năm 2024 đạt 70%.", "9 tháng năm 2024", "2024-01/2024-09", "range", "range", "-", "-", "gregorian", false),
    (None, "Kết quả 3 tháng đầu năm 2024 khả quan.", "3 tháng đầu năm 2024", "2024-Q1", "quarter", "point", "-", "-", "gregorian", false),
    (None, "Số liệu nửa đầu năm 2024 cho thấy.", "nửa đầu năm 2024", "2024-H1", "half", "point", "-", "-", "gregorian", false),
    (None, "Lễ hội đầu năm 2023 thu hút khách.", "đầu năm 2023", "2023", "year", "point", "-", "start", "gregorian", false),
    (R, "Tổng kết vào cuối năm, báo cáo tỉnh.", "vào cuối năm", "2024", "year", "point", "-", "end", "gregorian", true),
    (R, "Sơ kết vào giữa năm, báo cáo tỉnh.", "vào giữa năm", "2024", "year", "point", "-", "mid", "gregorian", true),
    (None, "Sơ kết vào giữa năm, báo cáo tỉnh.", "vào giữa năm", "XXXX", "year", "point", "-", "mid", "gregorian", false),
    (None, "Kỳ họp giữa năm 2025 sẽ giám sát.", "giữa năm 2025", "2025", "year", "point", "-", "mid", "gregorian", false),
    (None, "Hộ nghèo giảm từ 5% đầu năm xuống 4% cuối năm 2024.", "đầu năm", "2024", "year", "point", "-", "start", "gregorian", true),
    (None, "Tăng so với cuối năm 2023 là 2%.", "cuối năm 2023", "2023", "year", "point", "-", "end", "gregorian", false),
    // Times of day and clock times.
    (None, "Bắt đầu lúc 8 giờ 30 ngày 15/3/2024.", "lúc 8 giờ 30 ngày 15/3/2024", "2024-03-15T08:30", "time", "point", "-", "-", "gregorian", false),
    (None, "Khai mạc lúc 14h ngày 1/4/2024.", "lúc 14h ngày 1/4/2024", "2024-04-01T14:00", "time", "point", "-", "-", "gregorian", false),
    (None, "Hội nghị bắt đầu lúc 8h30, tại hội trường.", "lúc 8h30", "XXXX-XX-XXT08:30", "time", "point", "-", "-", "gregorian", false),
    (None, "Phiên họp bắt đầu lúc 14 giờ, tại hội trường.", "lúc 14 giờ", "XXXX-XX-XXT14:00", "time", "point", "-", "-", "gregorian", false),
    (None, "20/02/2025 07:45\nTin bài.", "20/02/2025 07:45", "2025-02-20T07:45", "time", "point", "-", "-", "gregorian", false),
    (None, "Thời điểm điều tra là 0 giờ ngày 1/4/2024.", "0 giờ ngày 1/4/2024", "2024-04-01T00:00", "time", "point", "-", "-", "gregorian", false),
    (None, "Đoàn đến lúc 2 giờ chiều ngày 5/3/2024.", "lúc 2 giờ chiều ngày 5/3/2024", "2024-03-05T14:00", "time", "point", "afternoon", "-", "gregorian", false),
    (None, "Chiều 20/3/2024, hội nghị họp. Kết thúc lúc 17h30 cùng ngày.", "lúc 17h30 cùng ngày", "2024-03-20T17:30", "time", "point", "-", "-", "gregorian", false),
    (None, "Sáng 5/3/2024, đoàn đến. Chiều cùng ngày, đoàn về.", "Chiều cùng ngày", "2024-03-05", "day", "point", "afternoon", "-", "gregorian", false),
    (None, "Tai nạn xảy ra trong khung giờ từ 16h đến 20h.", "từ 16h đến 20h", "-", "other", "recurring", "-", "-", "gregorian", false),
    // Relative expressions.
    (R, "Hôm nay, đoàn đến thăm.", "Hôm nay", "2024-03-14", "day", "point", "-", "-", "gregorian", false),
    (R, "Hôm qua, đoàn đến thăm.", "Hôm qua", "2024-03-13", "day", "point", "-", "-", "gregorian", false),
    (R, "Ngày mai, đoàn đến thăm.", "Ngày mai", "2024-03-15", "day", "point", "-", "-", "gregorian", false),
    (R, "Báo cáo gửi trong tuần tới.", "trong tuần tới", "2024-W12", "week", "point", "-", "-", "gregorian", false),
    (R, "So với tháng trước tăng 3%.", "tháng trước", "2024-02", "month", "point", "-", "-", "gregorian", false),
    (R, "Kế hoạch năm tới đã duyệt.", "năm tới", "2025", "year", "point", "-", "-", "gregorian", false),
    (R, "So với năm ngoái tăng 15%.", "năm ngoái", "2023", "year", "point", "-", "-", "gregorian", false),
    (R, "Kết quả đạt được trong năm qua rất tốt.", "trong năm qua", "2023", "year", "point", "-", "-", "gregorian", false),
    (R, "Tăng 3 m2 so với 5 năm trước.", "5 năm trước", "2019", "year", "point", "-", "-", "gregorian", false),
    (R, "Số người đến trong 5 năm qua tăng.", "trong 5 năm qua", "2019/2024", "range", "range", "-", "-", "gregorian", false),
    (R, "Ghi nhận trong 6 tháng qua.", "trong 6 tháng qua", "2023-H2", "half", "point", "-", "-", "gregorian", false),
    (Some("2025-02-20"), "Hôm qua (19/2), đoàn làm việc.", "Hôm qua (19/2)", "2025-02-19", "day", "point", "-", "-", "gregorian", true),
    (R, "Sáng nay, đoàn đến thăm.", "Sáng nay", "2024-03-14", "day", "point", "morning", "-", "gregorian", false),
    (None, "Hôm qua, đoàn đến thăm.", "Hôm qua", "-", "other", "point", "-", "-", "gregorian", false),
    (None, "Chuẩn bị cho năm sau, huyện lập kế hoạch.", "năm sau", "-", "other", "point", "-", "-", "gregorian", false),
    // Vague and recurring expressions.
    (None, "Nhiệm vụ trong thời gian tới là lớn.", "thời gian tới", "-", "other", "vague", "-", "-", "gregorian", false),
    (None, "Chào cờ đầu tháng gắn với biểu dương.", "đầu tháng", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Lễ hội tổ chức hằng năm ở xã.", "hằng năm", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Trợ cấp hàng tháng cho hộ nghèo.", "hàng tháng", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Kinh phí tăng thêm mỗi năm khoảng 3 tỷ.", "mỗi năm", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Tuần tra vào các ngày cuối tuần và dịp lễ, Tết.", "dịp lễ, Tết", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Lãnh đạo xã qua các thời kỳ dự họp.", "qua các thời kỳ", "-", "other", "vague", "-", "-", "gregorian", false),
    (None, "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3 tại xã.", "Ngày Quốc tế Phụ nữ 8/3", "-", "other", "recurring", "-", "-", "gregorian", false),
    (None, "Giải tổ chức hằng năm, tính đến ngày 30/4.", "tính đến ngày 30/4", "-", "other", "recurring", "-", "-", "gregorian", false),
    // The lunar calendar.
    (None, "Chuẩn bị Tết Nguyên đán cho dân.", "Tết Nguyên đán", "XXXX-01-01", "day", "point", "-", "-", "lunar", false),
    (Some("2025-02-20"), "Tổ chức Tết Nguyên đán Ất Tỵ an toàn.", "Tết Nguyên đán Ất Tỵ", "2025-01-01", "day", "point", "-", "-", "lunar", true),
    (Some("2025-02-20"), "Lễ hội kéo dài đến rằm tháng Giêng.", "đến rằm tháng Giêng", "2025-01-15", "day", "point", "-", "until", "lunar", true),
    (None, "Ngày mùng 1 Tết, dân đi lễ.", "mùng 1 Tết", "XXXX-01-01", "day", "point", "-", "-", "lunar", false),
    (None, "Giỗ tổ ngày 10 tháng 3 âm lịch năm nay.", "ngày 10 tháng 3 âm lịch", "XXXX-03-10", "day", "point", "-", "-", "lunar", false),
    (Some("2025-02-20"), "Lễ khai mạc tối mùng 8 tháng Giêng (tức ngày 5/2).", "tối mùng 8 tháng Giêng", "2025-01-08", "day", "point", "evening", "-", "lunar", true),
    (Some("2025-02-20"), "Lễ khai mạc tối mùng 8 tháng Giêng (tức ngày 5/2).", "ngày 5/2", "2025-02-05", "day", "point", "-", "-", "gregorian", true),
    (None, "Vui Tết Trung thu cho thiếu nhi.", "Tết Trung thu", "XXXX-08-15", "day", "point", "-", "-", "lunar", false),
];

#[test]
fn every_form_resolves() {
    assert!(CASES.len() >= 100, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for &(reference, input, text, value, granularity, kind, pod, modifier, calendar, inferred) in
        CASES
    {
        let facts = facts(reference, input);
        let Some(fact) = facts.dates.iter().find(|d| d.text == text) else {
            let found: Vec<&str> = facts.dates.iter().map(|d| d.text.as_str()).collect();
            failures.push(format!("{input:?}: no date {text:?}, found {found:?}"));
            continue;
        };
        let got = (
            field(fact, "value"),
            field(fact, "granularity"),
            field(fact, "kind"),
            field(fact, "part_of_day"),
            field(fact, "modifier"),
            field(fact, "calendar"),
            fact.year_inferred,
        );
        let want = (
            value.to_string(),
            granularity.to_string(),
            kind.to_string(),
            pod.to_string(),
            modifier.to_string(),
            calendar.to_string(),
            inferred,
        );
        if got != want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_point_into_the_callers_text_and_ids_follow_them() {
    // Decomposed letters and a double space: the normalized text differs from the input.
    let input = "Sa\u{301}ng  11-1, họp. Năm 2024 và năm 2023.";
    let facts = facts(Some("2024-01-11"), input);
    let texts: Vec<&str> = facts.dates.iter().map(|d| &input[d.span.range()]).collect();
    assert_eq!(texts, ["Sa\u{301}ng  11-1", "Năm 2024", "năm 2023"]);
    let ids: Vec<String> = facts.dates.iter().map(|d| d.id.to_string()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    assert_eq!(facts.dates[0].text, "Sáng 11-1");
    assert_eq!(
        facts.dates[0].span.char_end - facts.dates[0].span.char_start,
        input[facts.dates[0].span.range()].chars().count()
    );
}

#[test]
fn the_value_is_typed() {
    let facts = facts(None, "Ngày 15/3/2024 và quý II năm 2024.");
    let day: Timex = facts.dates[0].value.unwrap();
    assert_eq!(
        (day.year(), day.month(), day.day(), day.quarter()),
        (Some(2024), Some(3), Some(15), Some(1))
    );
    let quarter = facts.dates[1].value.unwrap();
    assert_eq!(
        (quarter.year(), quarter.quarter(), quarter.month()),
        (Some(2024), Some(2), None)
    );
    let json = serde_json::to_value(&facts.dates[1]).unwrap();
    assert_eq!(json["value"], "2024-Q2");
}

/// Numbers that are not dates: each input gives no date at all.
#[test]
fn not_dates() {
    for input in [
        "Triển khai nghị quyết Hội nghị Trung ương 6, 7, 8 khóa XIII.",
        "Tại kỳ họp thứ 5, thứ 6 Quốc hội khóa XV đã thông qua.",
        "Trưởng Ban chỉ đạo 35 thành phố dự.",
        "Tại phòng họp tầng 2, nhà văn hóa.",
        "Toàn thành phố có 117/120 khu dân cư đạt văn hóa.",
        "Có 17.279/18.121 hộ gia đình đăng ký.",
        "Hoàn thành đạt và vượt 12/12 chỉ tiêu đã đề ra.",
        "Có 48/50 đại biểu tán thành.",
        "Hiện có 4/9 thôn đạt chuẩn.",
        "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.",
        "Theo Quyết định 1234/QĐ-UBND của UBND tỉnh.",
        "Xử lý theo Nghị định 100/2019/NĐ-CP của Chính phủ.",
        "Nghị quyết số 15/2024/NQ-HĐND quy định mức hỗ trợ.",
        "Kế hoạch số 12/12/KH-UBND được ban hành.",
        "Đội nhà thắng với tỷ số 2-1 và 3:1.",
        "Liên hệ điện thoại 0912 345 678 hoặc (0227) 3.851.904.",
        "Giải A trị giá 10 triệu đồng, tổng 1.250 tỷ đồng.",
        "Hôm nay: 1387",
        "Trực tuyến: 219\nHôm nay: 2.047",
        "Ngày 31/2 không tồn tại; sáng 30-2 cũng vậy.",
        "Trụ sở tại số 8 đường 30/4, thành phố.",
        "Trang 1/2",
        "Mỗi năm giảm từ 5-10% số người chết.",
        "Nhóm dân số từ 0-14 tuổi chiếm 23,6%; từ 15-64 tuổi chiếm 67,9%.",
        "Tỷ số giới tính là 98,3 nam/100 nữ.",
        "Giải ngân 96,3/187,5 tỷ đồng.",
        "Đồng chí tập trung vào năm nhóm nhiệm vụ.",
        "Đây là năm cuối của nhiệm kỳ.",
        "Thôn 3 và thôn 7 nối bằng đường dài 4,8 km; lớp học kéo dài 3 giờ.",
        "Thời gian 12 tháng, sau gần 4 tháng phát động.",
        "Số: 45/TC-CTK",
        "Lớp thứ ba, lần thứ XIV, cơn bão số 3.",
        "Trạm ở Km 45+300 trên tuyến tránh.",
        "Tháng cao điểm “Vì người nghèo” đã phát động.",
    ] {
        let facts = facts(Some("2024-01-11"), input);
        let values: Vec<String> = facts
            .dates
            .iter()
            .filter(|d| d.value.is_some())
            .map(|d| format!("{} = {:?}", d.text, d.value.map(|v| v.to_string())))
            .collect();
        assert!(values.is_empty(), "{input:?} gave {values:?}");
    }
}

fn values(facts: &Facts) -> Vec<(String, String, bool)> {
    facts
        .dates
        .iter()
        .map(|d| {
            (
                d.text.clone(),
                d.value.map_or("-".to_string(), |v| v.to_string()),
                d.year_inferred,
            )
        })
        .collect()
}

fn find<'a>(facts: &'a Facts, text: &str) -> &'a DateFact {
    facts
        .dates
        .iter()
        .find(|d| d.text == text)
        .unwrap_or_else(|| panic!("no {text:?} in {:?}", values(facts)))
}

/// A year-end conference reviewing 2023 and launching 2024, held on a year-less "Sáng 11-1".
const YEAR_END: &str = "Sáng 11-1, tại hội trường tầng 2, Ban Tuyên giáo Thành ủy tổ chức Hội nghị \
tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.\nNăm 2023, thành phố đạt 12/12 chỉ \
tiêu. Kết quả từ đầu năm 2023 đến nay là tốt; trong năm qua có nhiều điểm sáng. Hội nghị kết \
thúc lúc 11h30 cùng ngày.\nMinh Hòa\nHôm nay: 1387";

#[test]
fn a_reviewed_year_gives_the_meeting_its_year() {
    let facts = facts(None, YEAR_END);
    let lead = find(&facts, "Sáng 11-1");
    assert_eq!(lead.value.unwrap().to_string(), "2024-01-11");
    assert!(lead.year_inferred);
    assert_eq!(
        find(&facts, "từ đầu năm 2023 đến nay")
            .value
            .unwrap()
            .to_string(),
        "2023/2024-01-11"
    );
    let last_year = find(&facts, "trong năm qua");
    assert_eq!(
        (
            last_year.value.unwrap().to_string(),
            last_year.year_inferred
        ),
        ("2023".into(), true)
    );
    assert_eq!(
        find(&facts, "lúc 11h30 cùng ngày")
            .value
            .unwrap()
            .to_string(),
        "2024-01-11T11:30"
    );
    // The visitor counter is page chrome, not "today".
    assert!(facts.dates.iter().all(|d| d.text != "Hôm nay"));
    // A given reference date wins over the inference.
    let given = self::facts(Some("2023-12-20"), YEAR_END);
    assert_eq!(
        find(&given, "Sáng 11-1").value.unwrap().to_string(),
        "2024-01-11"
    );
    assert_eq!(
        find(&given, "trong năm qua").value.unwrap().to_string(),
        "2022"
    );
}

#[test]
fn a_year_end_session_in_december_stays_in_the_reviewed_year() {
    let text = "Trong hai ngày 9 và 10-12, HĐND thành phố tổ chức kỳ họp (kỳ họp thường lệ cuối năm) \
để xem xét kết quả thực hiện nhiệm vụ năm 2024 và dự toán ngân sách năm 2025.\nTại phiên chất \
vấn chiều 9-12, đại biểu nêu câu hỏi. Nhiều dự án lùi sang năm sau.";
    let facts = facts(None, text);
    assert_eq!(
        find(&facts, "ngày 9 và 10-12").value.unwrap().to_string(),
        "2024-12-09/2024-12-10"
    );
    assert_eq!(
        find(&facts, "chiều 9-12").value.unwrap().to_string(),
        "2024-12-09"
    );
    assert_eq!(find(&facts, "cuối năm").value.unwrap().to_string(), "2024");
    assert_eq!(find(&facts, "năm sau").value.unwrap().to_string(), "2025");
}

#[test]
fn a_half_year_review_and_a_congress_give_their_years() {
    let review = facts(
        None,
        "Ngày 5/7, UBND huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2024. Giá trị sản xuất tăng 8,5% so với cùng kỳ; riêng quý II tăng.",
    );
    assert_eq!(
        find(&review, "Ngày 5/7").value.unwrap().to_string(),
        "2024-07-05"
    );
    assert_eq!(
        find(&review, "cùng kỳ").value.unwrap().to_string(),
        "2023-H1"
    );
    assert_eq!(
        find(&review, "quý II").value.unwrap().to_string(),
        "2024-Q2"
    );
    let congress = facts(
        None,
        "Ngày 24/4, Đảng bộ xã tổ chức Đại hội đại biểu lần thứ XXV, nhiệm kỳ 2025-2030.",
    );
    assert_eq!(
        find(&congress, "Ngày 24/4").value.unwrap().to_string(),
        "2025-04-24"
    );
}

#[test]
fn no_basis_no_year() {
    // Years are mentioned, but the lead reviews nothing: the year stays unknown.
    let facts = facts(
        None,
        "Tối 21/6, Hội Nhà báo tỉnh tổ chức lễ trao giải năm 2024. Chiều 22/6, đoàn về.",
    );
    let lead = find(&facts, "Tối 21/6");
    assert_eq!(
        (lead.value.unwrap().to_string(), lead.year_inferred),
        ("XXXX-06-21".into(), false)
    );
    assert_eq!(
        find(&facts, "Chiều 22/6").value.unwrap().to_string(),
        "XXXX-06-22"
    );
    // "Hội nghị" without a review cue, no written year at all.
    let bare = self::facts(None, "Sáng 11-1, hội nghị khai mạc. Hôm qua trời mưa.");
    assert_eq!(
        find(&bare, "Sáng 11-1").value.unwrap().to_string(),
        "XXXX-01-11"
    );
    assert_eq!(find(&bare, "Hôm qua").value, None);
}

#[test]
fn a_dateline_is_the_reference_date() {
    let text = "Thứ 5, 21/03/2024 | 09:30\nTỉnh triển khai nghị quyết\nChiều 20/3, UBND tỉnh tổ chức \
hội nghị. Hội nghị bắt đầu lúc 14h. Năm nay tỉnh đầu tư 68 tỷ đồng.\nTin cùng chuyên mục:\nHội chợ \
năm 2024 (20/03/2024)";
    let facts = facts(None, text);
    assert_eq!(
        find(&facts, "Chiều 20/3").value.unwrap().to_string(),
        "2024-03-20"
    );
    assert_eq!(
        find(&facts, "lúc 14h").value.unwrap().to_string(),
        "2024-03-20T14:00"
    );
    let this_year = find(&facts, "Năm nay");
    assert_eq!(
        (
            this_year.value.unwrap().to_string(),
            this_year.year_inferred
        ),
        ("2024".into(), false)
    );
    // The related-articles list after the header is not the report's.
    assert!(
        facts
            .dates
            .iter()
            .all(|d| d.text != "(20/03/2024)" && d.text != "20/03/2024")
    );
    let update = self::facts(None, "Cập nhật: 12/01/2024\nHôm qua, đoàn đến.");
    assert_eq!(
        find(&update, "Hôm qua").value.unwrap().to_string(),
        "2024-01-11"
    );
    // A long sentence is not a dateline.
    let lead = self::facts(
        None,
        "Ngày 15/8/2024, tại Trung tâm Chính trị huyện, lớp học khai giảng với 72 học viên. Hôm qua trời mưa.",
    );
    assert_eq!(
        find(&lead, "Hôm qua").value.unwrap().to_string(),
        "2024-08-14"
    );
}

#[test]
fn any_text_is_safe() {
    for input in [
        "",
        "ngày",
        "ngày 99/99/99999",
        "tháng",
        "năm 2023-",
        "từ ngày 15 đến",
        "quý V/2024",
        "Tết",
        "rằm tháng",
        "lúc 25h",
        "lúc 24:00",
        "9999-9999",
        "thứ 9, 1/1",
        "(",
        "ngày 1/",
        "từ đầu năm đến",
        "nhiệm kỳ 2025-2020",
        "năm 99999999999999999999",
    ] {
        let _ = facts(None, input);
        let _ = facts(Some("2024-01-11"), input);
    }
}

#[test]
fn the_reviewed_period_is_found_after_letters_whose_lower_case_is_longer() {
    // "İ" lower-cases to two chars: looking for "sơ kết" in a lower-cased copy of another
    // length would put the cue past the period it names, and the year would be lost.
    let dotted = "İ".repeat(30);
    let text = format!("Sáng 9/7, {dotted} hội nghị sơ kết 6 tháng đầu năm 2024 được tổ chức.");
    let found = facts(None, &text);
    let first = found.dates.first().expect("the meeting day");
    assert_eq!(first.text, "Sáng 9/7");
    assert_eq!(field(first, "value"), "2024-07-09");
}
