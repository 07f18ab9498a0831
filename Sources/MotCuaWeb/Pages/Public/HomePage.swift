import Plot

/// `/`: what citizens can do here, in three links.
enum HomePage {
    static var document: HTML {
        SiteLayout.page(title: "Trang chủ", current: "/",
            .h1(.text("Trung tâm Phục vụ hành chính công")),
            .p(.text("Tra cứu thủ tục hành chính, theo dõi tình trạng hồ sơ đã nộp, và góp ý về chất lượng phục vụ.")),
            .div(.class("card"),
                 .h2(.a(.href(PublicPaths.procedures), .text("Thủ tục hành chính"))),
                 .p(.text("Tìm thủ tục theo tên, có dấu hoặc không dấu: thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí."))),
            .div(.class("card"),
                 .h2(.a(.href(PublicPaths.lookup), .text("Tra cứu hồ sơ"))),
                 .p(.text("Nhập mã hồ sơ trên giấy tiếp nhận và 4 số cuối điện thoại của người nộp để xem tình trạng giải quyết.")))
        )
    }
}
