"""The data file as a workbook (Excel, WPS 表格): written, read back located, kept lossless."""
