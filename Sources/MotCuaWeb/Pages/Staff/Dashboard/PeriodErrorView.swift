import Plot

/// A page that says what was wrong with the period asked for, with the picker filled as typed (400):
/// the dashboard, the report and its records share it.
struct PeriodErrorView {
    let frame: StaffFrame
    let input: ReportingPeriodInput
    let message: String
    let title: String
    let path: String

    var document: HTML {
        SiteLayout.staffPage(frame, title: title, current: path,
            .h1(.text(title)),
            .p(.class("alert"), .attribute(named: "role", value: "alert"), .id("loi-ky"), .text(message)),
            input.pickerForm(action: path, id: "chon-ky"))
    }
}
