"""The office's own file formats: the Excel ledger, fill-in sheets and their import, Word documents,
reminders. Renders what plantrack.tracking computes; decides no status itself."""
