package vn.langnghe.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's texts: Vietnamese here (the default), English in {@code messages/msg_en.properties}. Templates
 * use {@code msg:key}; the language is the template instance's locale (the person's choice, Vietnamese by default).
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Msg {

    @Message("Lắng Nghe")
    String app_name();

    @Message("Chuyển đến nội dung chính")
    String skip_to_content();

    @Message("Điều hướng chính")
    String nav_label();

    @Message("Diễn đàn")
    String nav_forums();

    @Message("Hộp việc")
    String nav_inbox();

    @Message("Báo cáo")
    String nav_dashboard();

    @Message("Đăng xuất")
    String sign_out();

    @Message("Chọn công việc")
    String home_title();

    @Message("Lên kế hoạch, tổ chức diễn đàn, ghi ý kiến trực tiếp, màn hình hội trường.")
    String home_organiser();

    @Message("Tin, đơn thư theo hạn pháp định; xử lý từng hồ sơ.")
    String home_officer();

    @Message("Báo cáo 6 tháng, biểu đồ, tìm kiếm, tải CSV.")
    String home_analyst();

    @Message("Đăng nhập")
    String sign_in_title();

    @Message("Chạy trên máy (local run): đăng nhập bằng mã truy cập đã in ra khi khởi động. Khi triển khai thật, đăng nhập qua hệ thống định danh.")
    String sign_in_local_intro();

    @Message("Không tìm thấy mã truy cập đã lưu trong {dir}. Hãy dán một mã bên dưới.")
    String sign_in_no_saved(String dir);

    @Message("Đăng nhập với vai trò {role}")
    String sign_in_as(String role);

    @Message("Hoặc dán mã truy cập (JWT)")
    String sign_in_paste();

    @Message("Đăng nhập")
    String sign_in_button();

    @Message("Không đăng nhập được")
    String sign_in_refused();

    @Message("Tiếp tục")
    String continue_on();

    @Message("Về trang chính")
    String back_home();

    @Message("Dữ liệu chưa hợp lệ.")
    String error_400();

    @Message("Bạn không có quyền thực hiện việc này.")
    String error_403();

    @Message("Không tìm thấy (hoặc không thuộc phạm vi của bạn).")
    String error_404();

    @Message("Không thực hiện được ở trạng thái hiện tại.")
    String error_409();

    @Message("Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang rồi thử lại.")
    String error_412();

    @Message("Không chấp nhận được.")
    String error_422();

    @Message("Dịch vụ tạm thời không phản hồi. Hãy thử lại sau ít phút.")
    String error_503();

    @Message("Có lỗi xảy ra.")
    String error_other();

    @Message("Trạng thái")
    String status();

    @Message("Diễn đàn Công an lắng nghe ý kiến nhân dân")
    String forums_title();

    @Message("Các diễn đàn, buổi họp dân")
    String forums_list();

    @Message("Chưa có diễn đàn nào.")
    String forums_none();

    @Message("Thời gian")
    String forum_starts();

    @Message("Loại")
    String forum_kind();

    @Message("Địa điểm")
    String forum_venue();

    @Message("Ý kiến")
    String forum_opinions();

    @Message("Lên kế hoạch diễn đàn")
    String forum_schedule();

    @Message("Đơn vị chủ trì")
    String forum_host();

    @Message("Địa bàn tổ chức")
    String forum_venue_unit();

    @Message("Tên địa điểm")
    String forum_venue_name();

    @Message("Trưởng đoàn (chức vụ)")
    String forum_head_title();

    @Message("VD: Trưởng Công an phường")
    String forum_head_title_hint();

    @Message("Thành phần mời")
    String forum_invited();

    @Message("Lên kế hoạch")
    String forum_schedule_button();

    @Message("Khai mạc: số người dự")
    String forum_open();

    @Message("Tổng số người dự")
    String forum_total();

    @Message("Khai mạc")
    String forum_open_button();

    @Message("Bế mạc")
    String forum_close();

    @Message("Tóm tắt biên bản (công khai, không ghi tên người phát biểu)")
    String forum_minutes();

    @Message("Bế mạc diễn đàn")
    String forum_close_button();

    @Message("Diễn đàn đã bế mạc")
    String forum_closed_note();

    @Message("Mở màn hình hội trường")
    String hall_open();

    @Message("Màn hình hội trường")
    String hall_title();

    @Message("Công an lắng nghe ý kiến nhân dân")
    String hall_heading();

    @Message("ý kiến")
    String hall_opinions();

    @Message("đã trả lời")
    String hall_answered();

    @Message("Toàn màn hình")
    String hall_fullscreen();

    @Message("Ghi ý kiến")
    String record_title();

    @Message("Bàn phím: Alt+T chủ đề, phím 1–5 tính chất, Alt+G thành phần, Alt+S nội dung, Ctrl+Enter ghi.")
    String record_hint();

    @Message("Chủ đề")
    String record_topic();

    @Message("Gõ để tìm chủ đề")
    String record_topic_hint();

    @Message("Tính chất")
    String record_nature();

    @Message("Người phát biểu thuộc")
    String record_group();

    @Message("Nội dung tóm tắt (công khai, không ghi tên)")
    String record_summary();

    @Message("Tóm tắt ý kiến như sẽ ghi trong biên bản")
    String record_summary_hint();

    @Message("Người phát biểu để lại tên (không bắt buộc, được mã hóa)")
    String record_speaker();

    @Message("Họ tên")
    String record_speaker_name();

    @Message("Số điện thoại")
    String record_speaker_phone();

    @Message("Nguyên văn ý kiến")
    String record_text();

    @Message("Ghi ý kiến")
    String record_button();

    @Message("Đã ghi ý kiến: {topic}")
    String record_done(String topic);

    @Message("Cam kết")
    String commitment();

    @Message("{unit} trả lời trước {due}")
    String follow_up_by(String unit, String due);

    @Message("Đã chuyển xử lý như {kind}")
    String escalated_as(String kind);

    @Message("Trả lời tại chỗ")
    String answer_now();

    @Message("Đơn vị trả lời")
    String answer_by_unit();

    @Message("Chức vụ người trả lời")
    String answer_by_title();

    @Message("Nội dung trả lời")
    String answer_summary();

    @Message("Cam kết (nếu có)")
    String answer_commitment();

    @Message("Ghi câu trả lời")
    String answer_button();

    @Message("Ghi nhận, trả lời sau")
    String follow_up_create();

    @Message("Đơn vị trả lời")
    String follow_up_owner();

    @Message("Hạn trả lời")
    String follow_up_due();

    @Message("Ghi nhận")
    String follow_up_button();

    @Message("Ý kiến diễn đàn đơn vị phải trả lời")
    String follow_ups_title();

    @Message("Không có ý kiến nào đang chờ trả lời.")
    String follow_ups_empty();

    @Message("Hộp việc: tin, đơn thư")
    String inbox_title();

    @Message("Sắp xếp theo hạn pháp định gần nhất.")
    String inbox_intro();

    @Message("Tin, đơn thư đang xử lý")
    String inbox_caption();

    @Message("Không có tin, đơn thư nào đang xử lý.")
    String inbox_empty();

    @Message("quá hạn")
    String clock_overdue();

    @Message("sắp đến hạn")
    String clock_at_risk();

    @Message("Hạn")
    String case_due();

    @Message("Mã")
    String case_code();

    @Message("Loại")
    String case_kind();

    @Message("Chủ đề")
    String case_topic();

    @Message("Đơn vị")
    String case_unit();

    @Message("Kênh tiếp nhận")
    String case_channel();

    @Message("Ngày tiếp nhận")
    String case_received();

    @Message("Ngày thụ lý")
    String case_accepted();

    @Message("Ngày kết thúc")
    String case_closed();

    @Message("Tóm tắt công khai")
    String case_summary();

    @Message("Hạn thụ lý")
    String due_acceptance();

    @Message("Hạn giải quyết")
    String due_resolution();

    @Message("Thông tin cá nhân")
    String personal_title();

    @Message("Chỉ xem khi cần cho công việc, ghi rõ mục đích. Mọi lần xem đều được ghi nhật ký.")
    String personal_hint();

    @Message("Mục đích")
    String purpose();

    @Message("Xem người gửi")
    String identity_show();

    @Message("Người tố cáo được giữ bí mật (Điều 56 Luật Tố cáo 2018): cán bộ không được xem.")
    String identity_protected();

    @Message("Tin, đơn nặc danh: không có thông tin người gửi.")
    String identity_anonymous();

    @Message("Không được xem: pháp luật giữ bí mật danh tính người tố cáo. Lần yêu cầu này đã được ghi nhật ký.")
    String identity_refused_law();

    @Message("Thông tin người gửi đã bị xóa theo quy định.")
    String identity_erased();

    @Message("Không có thông tin người gửi.")
    String identity_none();

    @Message("Họ tên")
    String id_name();

    @Message("Điện thoại")
    String id_phone();

    @Message("Số giấy tờ")
    String id_number();

    @Message("Địa chỉ")
    String id_address();

    @Message("Thư điện tử")
    String id_email();

    @Message("Lần xem này đã được ghi nhật ký.")
    String read_audited();

    @Message("Xem nội dung đơn")
    String texts_show();

    @Message("Không có nội dung.")
    String texts_none();

    @Message("Nội dung")
    String text_description();

    @Message("Xử lý")
    String actions_title();

    @Message("Phân loại")
    String act_classify();

    @Message("Thụ lý")
    String act_accept();

    @Message("Xác minh")
    String act_verify();

    @Message("Kết luận")
    String act_conclude();

    @Message("Trả lời công dân")
    String act_answer();

    @Message("Chuyển đơn")
    String act_transfer();

    @Message("Không thụ lý")
    String act_refuse();

    @Message("Gia hạn")
    String act_extend();

    @Message("Đánh giá tin có giá trị")
    String act_valuable();

    @Message("Công dân rút đơn")
    String act_withdraw();

    @Message("Vụ việc phức tạp")
    String accept_complex();

    @Message("Kết luận")
    String conclusion();

    @Message("Kết quả xác minh")
    String findings();

    @Message("Tóm tắt trả lời (công khai, không ghi tên)")
    String answer_summary_public();

    @Message("Văn bản trả lời")
    String answer_letter();

    @Message("Cơ quan có thẩm quyền")
    String to_agency();

    @Message("Lý do")
    String reason();

    @Message("Căn cứ")
    String legal_reason();

    @Message("Ghi chú")
    String note();

    @Message("Mã căn cứ")
    String reason_code();

    @Message("Ngày trên văn bản (mặc định hôm nay)")
    String effective_on();

    @Message("Xác nhận")
    String confirm();

    @Message("Lịch sử xử lý")
    String history_title();

    @Message("hiệu lực")
    String history_effective();

    @Message("ghi lúc {at} bởi {by}")
    String history_recorded(String at, String by);

    @Message("Báo cáo, thống kê")
    String dashboard_title();

    @Message("Đơn vị")
    String unit();

    @Message("Kỳ báo cáo")
    String period();

    @Message("Xem")
    String show();

    @Message("Tải CSV")
    String download_csv();

    @Message("Từ {from} đến {to}")
    String period_range(String from, String to);

    @Message("Sự kiện chưa cập nhật: {lag}")
    String projection_lag(String lag);

    @Message("Một phần báo cáo chưa có trên reporting-service; hiển thị số liệu sự kiện trong kỳ.")
    String report_partial();

    @Message("Số liệu chính")
    String figures();

    @Message("Biểu đồ")
    String charts();

    @Message("Bảng số liệu")
    String chart_table();

    @Message("Theo đơn vị")
    String by_unit();

    @Message("Tiếp nhận")
    String fig_received();

    @Message("Đã trả lời")
    String fig_answered();

    @Message("Diễn đàn")
    String fig_held();

    @Message("Ý kiến")
    String fig_opinions();

    @Message("Tìm kiếm")
    String search_title();

    @Message("Tìm trong nội dung tóm tắt công khai")
    String search_hint();

    @Message("Tìm")
    String search_button();

    @Message("Không tìm thấy kết quả cho “{q}”.")
    String search_none(String q);

    @Message("Tìm kiếm chưa có trên reporting-service.")
    String search_unavailable();
}
