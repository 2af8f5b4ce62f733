#!/usr/bin/env python3
"""Writes the openpyxl workbooks the import tests read (fictional people only).

    pip install openpyxl   # 3.1
    python3 make-workbooks.py

openpyxl.xlsx        two sheets ("Shortlist", "Reserve list"), as openpyxl writes them: inline strings (<is>),
                     one of them rich text, a blank column B (so row 1 has cells A1, C1, ...), dates in the
                     default, built-in 14 (mm-dd-yy), custom dd/mm/yyyy and d mmm yyyy formats, a date and
                     time, a date typed as text, integers and decimals, booleans, a line break within a
                     cell, empty cells.
shared-strings.xlsx  the same first sheet in the 1904 date system, its strings then moved into a shared
                     strings table as Excel and LibreOffice write them (the rich-text name as runs, a
                     phonetic run that is not part of the text), and one integer written as "88.0".
numbers-like.zip     a ZIP with the parts that mark an Apple Numbers document (not a real one).
openpyxl-bad-rows.xlsx  rows the import refuses: a date that does not exist, a direction override in a
                     name, a formula error instead of an email address.

libreoffice.xlsx beside them was made from libreoffice.csv by LibreOffice 7.4 (shared strings, dates
recognised as date cells, numbers), and old-excel.xls and libreoffice.ods from old-format.csv:
    soffice --headless --infilter="CSV:44,34,76,1,,2057" --convert-to xlsx libreoffice.csv
    soffice --headless --infilter="CSV:44,34,76,1" --convert-to xls old-format.csv  (then renamed old-excel.xls)
    soffice --headless --infilter="CSV:44,34,76,1" --convert-to ods old-format.csv  (then renamed libreoffice.ods)
"""
import datetime
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEADER = ["Full name", None, "Other names", "Town", "Current employer", "Previous employers", "Email",
          "Shortlisted", "Told on", "Told via", "Score", "References checked"]


def shortlist(sheet):
    sheet.append(HEADER)
    sheet.append(["Zoë Ødegaard", None, "Zoë Hansen", "Chester", "Hoole Primary School, Chester",
                  "Little Acorns Nursery\nElm Tree Café", "zoe.o@example.org", datetime.date(2026, 11, 12),
                  datetime.date(2026, 11, 13), "email", 91, True])
    sheet["I2"].number_format = "dd/mm/yyyy"
    sheet.append(["Łukasz Nowak", None, "Luke Nowak; Lukas Nowak", "Helsby", 'Riverside "Tutoring" Ltd', None,
                  "lukasz.n@example.org", datetime.datetime(2026, 11, 12, 9, 30), None, None, 78.5, False])
    name = CellRichText(["Siobhán ", TextBlock(InlineFont(b=True), "O'Brien")])
    sheet.append([name, None, None, "Frodsham", "Frodsham Leisure Centre", "Cheshire West Council; St Mary's RC Primary",
                  "siobhan.ob@example.org", datetime.date(2026, 11, 12), datetime.date(2026, 11, 13), "letter", 85])
    sheet["H4"].number_format = "mm-dd-yy"  # built-in format 14
    sheet["I4"].number_format = "d mmm yyyy"
    sheet.append(["Nguyễn Thị Minh", None, None, "Runcorn", "Halton Library Service", None, "minh.nguyen@example.org",
                  "12 Nov 2026", None, None, 88.0])


def save(book, path):
    book.save(path)
    print("wrote", path)


book = Workbook()
shortlist(book.active)
book.active.title = "Shortlist"
reserve = book.create_sheet("Reserve list")
reserve.append(["Full name", "Email"])
reserve.append(["Dafydd ap Siôn", "dafydd@example.org"])
save(book, "openpyxl.xlsx")

# The same sheet in the 1904 date system, then every inline string moved into a shared strings table.
book = Workbook()
book.epoch = CALENDAR_MAC_1904
shortlist(book.active)
book.active.title = "Shortlist"
save(book, "shared-strings.xlsx")
with zipfile.ZipFile("shared-strings.xlsx") as source:
    parts = {name: source.read(name) for name in source.namelist()}
strings = []
def shared(match):
    strings.append(match.group(2))
    return match.group(1).replace(b't="inlineStr"', b't="s"') + b"<v>%d</v></c>" % (len(strings) - 1)
sheet = re.sub(rb'(<c [^>]*t="inlineStr"[^>]*>)<is>(.*?)</is></c>', shared, parts["xl/worksheets/sheet1.xml"], flags=re.S)
parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'<c r="K5" t="n"><v>88</v>', b'<c r="K5" t="n"><v>88.0</v>')
zoe = strings.index("<t>Zoë Ødegaard</t>".encode())
strings[zoe] += '<rPh sb="0" eb="3"><t>ゾエ</t></rPh>'.encode()
parts["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
                                 % (len(strings), len(strings)) + b"".join(b"<si>" + s + b"</si>" for s in strings) + b"</sst>")
parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>",
    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml"/></Relationships>')
parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>",
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
with zipfile.ZipFile("shared-strings.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
    for name, data in parts.items():
        target.writestr(name, data)
print("rewrote shared-strings.xlsx with", len(strings), "shared strings")

book = Workbook()
sheet = book.active
sheet.append(["Full name", "Email", "Told on", "Told via"])
sheet.append(["Zoë Ødegaard", "zoe.o@example.org", "31/02/2026", "email"])
sheet.append(["Łukasz Nowak", "lukasz.n@example.org", None, None])
sheet.append(["Siobhán \u202eO'Brien", "siobhan.ob@example.org", None, None])
sheet.append(["Nguyễn Thị Minh", "#N/A", None, None])
save(book, "openpyxl-bad-rows.xlsx")

# Not a real Numbers document: a ZIP with the parts that mark one, for the refusal by content.
with zipfile.ZipFile("numbers-like.zip", "w") as target:
    target.writestr("Index/Document.iwa", b"")
    target.writestr("Metadata/Properties.plist", b"")
print("wrote numbers-like.zip")
