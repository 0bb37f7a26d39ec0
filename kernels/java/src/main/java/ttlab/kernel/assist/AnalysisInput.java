package ttlab.kernel.assist;

/**
 * What to hand to {@code SourceCodeAnalysis} for a cursor in a cell: some code, the cursor in
 * that code, and the shift that turns an offset in that code back into an offset in the cell.
 */
record AnalysisInput(String code, int cursor, int cellShift) {

    /** The cell offset of an offset in {@link #code()}. */
    int toCell(int codeOffset) {
        return codeOffset + cellShift;
    }
}
