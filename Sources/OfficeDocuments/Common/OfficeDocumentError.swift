/// Why a model could not be written. Each case names the place in the model so the caller can fix it.
public enum OfficeDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A length, size or number is NaN, infinite or out of the range the format allows.
    case invalidMeasurement(String)
    /// The cells of a table row (counting column spans) do not cover exactly the table's columns.
    case tableRowDoesNotFillColumns(table: Int, row: Int, columns: Int, spanned: Int)
    /// Word has no footnotes inside footnotes.
    case footnoteInsideFootnote
    /// Sheet names are 1–31 characters without `[ ] : * ? / \` and not starting or ending with `'`.
    case invalidSheetName(String)
    case duplicateSheetName(String)
    case workbookWithoutSheets
    /// A cell range that is not "A1" or "A1:C3" within the sheet's limits, or a merge of one cell.
    case invalidCellRange(String)
    /// Excel refuses (and "repairs") a sheet whose merged ranges overlap.
    case overlappingMergedRanges(sheet: String, String, String)
    /// A cell beyond column XFD or row 1 048 576.
    case sheetTooLarge(sheet: String)
    case packagingFailed

    public var description: String {
        switch self {
        case .invalidMeasurement(let what): "invalid measurement: \(what)"
        case let .tableRowDoesNotFillColumns(table, row, columns, spanned):
            "table \(table), row \(row): cells span \(spanned) columns but the table has \(columns)"
        case .footnoteInsideFootnote: "a footnote cannot contain another footnote"
        case .invalidSheetName(let name): "invalid sheet name \"\(name)\""
        case .duplicateSheetName(let name): "duplicate sheet name \"\(name)\""
        case .workbookWithoutSheets: "a workbook needs at least one sheet"
        case .invalidCellRange(let range): "invalid cell range \"\(range)\""
        case let .overlappingMergedRanges(sheet, first, second):
            "sheet \"\(sheet)\": merged ranges \(first) and \(second) overlap"
        case .sheetTooLarge(let sheet): "sheet \"\(sheet)\" is larger than 16 384 columns or 1 048 576 rows"
        case .packagingFailed: "the zip package could not be written"
        }
    }
}
