#!/usr/bin/env python3
"""Writes the CSV fixtures whose bytes matter (encodings, line breaks inside cells, control characters).
Fictional people only. Run: python3 make-csv-files.py"""


def w(name, data):
    open(name, "wb").write(data)
    print("wrote", name, len(data), "bytes")


def crlf(rows):
    return "\r\n".join(rows) + "\r\n"


# Alt+Enter inside cells: Excel writes CRLF within the quotes, LibreOffice and Macs LF.
w("line-breaks.csv", crlf([
    "Full name,Other names,Town,Current employer,Previous employers,Email",
    'Zoë Ødegaard,"Zoë Hansen\r\nZoë H.",Chester,"Hoole Primary School\r\nChester","Little Acorns Nursery\r\nElm Tree Café; Chester Zoo",zoe.o@example.org',
    "Łukasz Nowak,,Helsby,Riverside Tutoring,,lukasz.n@example.org",
    "Siobhán O'Brien,,\"Frodsham\nCheshire\",Frodsham Leisure Centre,,siobhan.ob@example.org",
]).encode())
# Excel's plain "CSV (Comma delimited)" on a UK Windows machine, with the curly apostrophe and dash of 0x80-0x9F.
w("windows-1252.csv", crlf([
    "Full name,Town,Current employer,Previous employers,Email",
    "Zoë Ødegaard,Chester,Elm Tree Café,Müller’s Bakery – Chester,zoe.o@example.org",
    "Siobhán O'Brien,Frodsham,St Mary’s RC Primary,,siobhan.ob@example.org",
]).encode("cp1252"))
# The same save of letters Windows-1252 lacks: Excel writes '?' for each.
w("lost-letters.csv", crlf([
    "Full name,Email",
    "Zoë Ødegaard,zoe.o@example.org",
    "?ukasz Nowak,lukasz.n@example.org",
    "Siobhán O'Brien,siobhan.ob@example.org",
    "Nguy?n Th? Minh,minh.nguyen@example.org",
]).encode("cp1252"))
# Excel in a locale whose list separator is ';' (much of Europe).
w("semicolons.csv", crlf([
    "Full name;Other names;Town;Current employer;Previous employers;Email;Shortlisted",
    "Zoë Ødegaard;Zoë Hansen;Chester;Hoole Primary School, Chester;\"Little Acorns Nursery;Elm Tree Café\";zoe.o@example.org;12/11/2026",
    "Łukasz Nowak;\"Luke Nowak; Lukas Nowak\";Helsby;\"Riverside \"\"Tutoring\"\" Ltd\";;lukasz.n@example.org;12/11/2026",
]).encode("utf-8-sig"))
tabs = crlf([
    "Full name\tOther names\tTown\tCurrent employer\tPrevious employers\tEmail\tShortlisted",
    "Zoë Ødegaard\tZoë Hansen\tChester\tHoole Primary School, Chester\tLittle Acorns Nursery; Elm Tree Café\tzoe.o@example.org\t12/11/2026",
    "Łukasz Nowak\tLuke Nowak; Lukas Nowak\tHelsby\t\"Riverside \"\"Tutoring\"\" Ltd\"\t\tlukasz.n@example.org\t12/11/2026",
])
w("tabs.tsv", tabs.encode())
# Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte-order mark, tab-separated.
w("unicode-text.txt", tabs.encode("utf-16"))
w("nul-byte.csv", crlf([
    "Full name,Email",
    "Zoë Ødeg\0aard,zoe.o@example.org",
    "Łukasz Nowak,lukasz.n@example.org",
]).encode())
w("control-character.csv", crlf([
    "Full name,Town,Email",
    "Zoë Ødegaard,Chester,zoe.o@example.org",
    "Łukasz Nowak,Helsby\x1b[31m,lukasz.n@example.org",
]).encode())
w("direction-override.csv", crlf([
    "Full name,Other names,Email",
    "Zoë \u202eØdegaard,,zoe.o@example.org",
    "Łukasz Nowak,\u2066Luke\u2069 Nowak,lukasz.n@example.org",
]).encode())
w("dates-as-written.csv", crlf([
    "Full name,Shortlisted,Told on,Told via",
    "Zoë Ødegaard,12 Nov 2026,13 November 2026,email",
    "Łukasz Nowak,12/11/26,13-11-2026,letter",
    "Siobhán O'Brien,12 SEPT 2026,2026-11-13,email",
    "Nguyễn Thị Minh,12/11/2026,13th Nov 2026,phone",
]).encode())
w("us-date.csv", crlf([
    "Full name,Told on,Told via",
    "Zoë Ødegaard,11/13/2026,email",
]).encode())
