"""Write resources/demo/lowland-gazette-inquiry.pdf: a small PDF with a real text layer.

Run from the repository root:  .venv/bin/python tests/corpus/make_demo_pdf.py

The PDF is written by hand (one page, the standard Helvetica font, WinAnsi
encoding), so the demo needs no PDF-writing dependency.  The committed file is
the output of this script; tests/corpus/test_demo.py checks they agree.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

TITLE = "Parliament orders inquiry into Halvek Dam collapse"
PARAGRAPHS = [
    TITLE,
    "VELDRA - Carvenia's parliament voted on Thursday to open an inquiry into the collapse of the "
    "Halvek Dam, which the interior ministry says killed 163 people.",
    "Lawmakers approved the inquiry by 118 votes to 31. It will examine a 2024 inspection report that "
    "found cracks in the spillway, and the claim by Halvek Hydro that its sirens sounded 40 minutes "
    "before the wall failed.",
    "Residents of Brannock have told reporters that they heard no siren. The mayor, Ilse Varga, says "
    "at least 212 people died in the town, while the Oster Valley Council puts the toll in the whole "
    "valley at more than 400.",
    "Energy Minister Lukas Brand told parliament that repairs had been scheduled for this summer and "
    "that he would not resign. \"The inquiry will have every document,\" he said.",
    "The inquiry has six months to report. The UN humanitarian office says nearly 20,000 people are "
    "still displaced, and the Carvenian Red Cross has recovered 187 bodies.",
]
FOOTER = "\u00a9 2026 Lowland Gazette. All rights reserved."
INFO = {"Title": TITLE, "Author": "Lowland Gazette staff", "CreationDate": "D:20260319091500+01'00'"}


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def build() -> bytes:
    lines: list[str] = []
    for para in PARAGRAPHS:
        lines.extend(textwrap.wrap(para, 88))
        lines.append("")
    lines.append(FOOTER)
    ops = [b"BT", b"/F1 10 Tf", b"14 TL", b"50 800 Td"]
    for line in lines:
        ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    info = b"<< " + b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in INFO.items()) + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        info,
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R /Info 6 0 R >>\n"
    out += b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


TARGET = Path(__file__).resolve().parents[2] / "resources" / "demo" / "lowland-gazette-inquiry.pdf"

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET
    target.write_bytes(build())
    print(f"wrote {target}")
