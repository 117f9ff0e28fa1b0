"""Hostile inputs found in session 25: each one stopped a whole run, lost a message or leaked raw text.

Every article here is written for the test (invented towns, names and numbers).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from desk import cli
from desk.extract.figures import find_figures

LONG = "7" * 400  # a number no float holds: float() of it is infinity


def test_a_number_too_long_for_a_float_is_no_figure() -> None:
    text = f"The treasury of Orlenby said {LONG} crowns went missing, and 35 clerks were questioned."
    figures = find_figures(text)
    assert all(math.isfinite(f.value) and (f.high is None or math.isfinite(f.high)) for f in figures)
    assert [f.value for f in figures] == [35.0]
    # nor a range that ends in one
    ranged = find_figures(f"Between 12 and {LONG} voles crossed the dam at Pellow.")
    assert all(f.high is None or math.isfinite(f.high) for f in ranged)


def test_one_file_with_a_400_digit_number_does_not_stop_the_index(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "plain.txt").write_text(
        "Ferry delayed\n\nThe harbour master at Quillon said 48 passengers waited overnight.\n", encoding="utf-8"
    )
    (folder / "long-number.txt").write_text(
        f"Audit\n\nAuditors in Marrowgate counted {LONG} coins, the clerk said, and 9 ledgers.\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    code = cli.main(["index", str(folder), "--no-extract", "--json", "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == 2
    assert report["skipped"] == []
    cli.main(["search", str(folder), "figure:9", "--json", "--data-dir", str(data)])
    hits = json.loads(capsys.readouterr()[0])["hits"]
    assert [h["relpath"] for h in hits] == ["long-number.txt"]


def test_a_failure_in_the_figure_pass_skips_that_file_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pass 1 reads figures from the same untrusted text as the reader: its failure is that file's reason."""
    from desk.index import pools

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fine.txt").write_text("Fine\n\nThe mill at Dorrow employs 60 people.\n", encoding="utf-8")
    (folder / "poison.txt").write_text("Poison\n\nThe word trips the figure pass here.\n", encoding="utf-8")
    real = pools.found_figures

    def found_figures(text: str):  # type: ignore[no-untyped-def]
        if "trips the figure pass" in text:
            raise ValueError("a figure the finder cannot hold")
        return real(text)

    monkeypatch.setattr(pools, "found_figures", found_figures)
    pools.init_reader(str(folder))
    fine = pools.read_one((str(folder / "fine.txt"), "fine.txt"))
    poison = pools.read_one((str(folder / "poison.txt"), "poison.txt"))
    assert fine.article is not None
    assert fine.skipped is None
    assert poison.article is None
    assert poison.skipped is not None
    assert "ValueError" in poison.skipped.reason
    assert "cannot hold" in poison.skipped.reason


def test_a_pdf_under_a_text_name_is_read_as_a_pdf(tmp_path: Path) -> None:
    """A PDF saved as ".md" was stored as its raw syntax ("%PDF-1.4 1 0 obj ..."): now its text layer is read."""
    from corpus.make_demo_pdf import build

    from desk.corpus import FolderContext, read_article

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "inquiry.md").write_bytes(build())
    article = read_article(folder / "inquiry.md", folder, FolderContext.load(folder))
    assert "%PDF" not in article.text
    assert "endobj" not in article.text
    assert "Halvek Dam" in article.text
    assert any("PDF file named .md" in n for n in article.notes)


def test_skipped_names_are_escaped_not_collapsed(tmp_path: Path, capsys) -> None:
    """A name with a line break or doubled spaces is shown exactly (escaped), so the user can find the file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fine.txt").write_text("Fine\n\nThe weir at Holmby held, 14 keepers said.\n", encoding="utf-8")
    (folder / "two  spaces\nbreak.txt").write_bytes(b"")
    data = tmp_path / "data"
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", str(data)]) == 0
    out = capsys.readouterr()[0]
    assert "two  spaces\\x0abreak.txt: empty file" in out
    assert cli.main(["articles", str(folder), "--data-dir", str(data)]) == 0
    out = capsys.readouterr()[0]
    assert "skipped\t" + str(folder / "two  spaces\\x0abreak.txt") + "\tempty file" in out


def test_a_label_wider_than_the_terminal_splits_no_word_of_the_passage() -> None:
    """Many outlets printing one passage made the "[outlet] (also: ...)" label wider than the line: the
    wrapper then cut the passage's first word after its first letter ("O" / "fficials")."""
    from compare.helpers import make_ref

    from desk.compare.render import render_row
    from desk.model import Row

    ref = make_ref("Wardens at Fennick Moor said 23 herons nested there this spring.", "Moor Courier")
    others = [f"Regional Bulletin Number {i}" for i in range(12)]
    row = Row(cells={"Moor Courier": [ref]}, duplicates={ref.key: others})
    text = render_row(1, row, width=100)
    words = text.split()
    for word in ("Wardens", "Fennick", "herons", "spring."):
        assert word in words, text


def test_extract_and_collate_say_what_the_named_path_is(tmp_path: Path, capsys) -> None:
    """'is not a file' for a missing name, a folder and a named pipe alike: now each says which it is."""
    import os

    good = tmp_path / "kestrel.txt"
    good.write_text("Kestrels\n\nRangers at Oswin Fell said 8 kestrels fledged.\n", encoding="utf-8")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "never-there.txt")
    cases = {
        tmp_path / "missing.txt": "does not exist",
        tmp_path: "is a folder, not an article file",
        pipe: "is not a regular file",
        dangling: "symbolic link to nothing",
    }
    for path, said in cases.items():
        for argv in (["extract", str(path)], ["collate", str(good), str(path)]):
            assert cli.main(argv) == 2
            err = capsys.readouterr().err
            assert said in err, (argv, err)
            assert "Traceback" not in err


def test_a_date_field_holding_a_list_or_a_mapping_is_reported(tmp_path: Path) -> None:
    """It was dropped without a word; now the file is listed with the field it could not use."""
    import datetime as dt

    from desk.corpus import FolderContext, field_problems, read_article

    folder = tmp_path / "articles"
    folder.mkdir()
    body = "The ferry to Skarl Island carried 212 passengers, its owners said.\n"
    (folder / "listed.md").write_text("---\ndate: [2031-04-02, 2031-04-03]\n---\n" + body, encoding="utf-8")
    (folder / "mapped.md").write_text("---\ndate:\n  day: 4\n  month: 5\n---\n" + body, encoding="utf-8")
    (folder / "both.md").write_text("---\npublished: 2031-05-06\ndate: {day: 4}\n---\n" + body, encoding="utf-8")
    ctx = FolderContext.load(folder)
    listed = read_article(folder / "listed.md", folder, ctx)
    mapped = read_article(folder / "mapped.md", folder, ctx)
    both = read_article(folder / "both.md", folder, ctx)
    assert listed.date is None
    assert field_problems(listed.notes) == [
        'date "(a list)" from the front matter could not be read (the file is indexed without it)'
    ]
    assert field_problems(mapped.notes) == [
        'date "(a mapping)" from the front matter could not be read (the file is indexed without it)'
    ]
    assert both.date == dt.date(2031, 5, 6)  # a usable date field wins, and nothing is reported
    assert field_problems(both.notes) == []


#: one blank page encrypted with AES (an empty user password, an owner password: a print-restricted file),
#: written by pypdf with the cryptography package, which desk does not ship
AES_128_PDF = (
    "JVBERi0xLjMKJeLjz9MKMSAwIG9iago8PAovUHJvZHVjZXIgPDE4NzAxMzcwMGY4OGRkZTYwNzY1NzljNzNmOGE1ZGZkMGE3YWZh"
    "YTkzZjJkMmU2ZDUyMGUyOGNlNGQ4ZTllMjY+Cj4+CmVuZG9iagoyIDAgb2JqCjw8Ci9UeXBlIC9QYWdlcwovQ291bnQgMQovS2lk"
    "cyBbIDQgMCBSIF0KPj4KZW5kb2JqCjMgMCBvYmoKPDwKL1R5cGUgL0NhdGFsb2cKL1BhZ2VzIDIgMCBSCj4+CmVuZG9iago0IDAg"
    "b2JqCjw8Ci9UeXBlIC9QYWdlCi9SZXNvdXJjZXMgPDwKPj4KL01lZGlhQm94IFsgMC4wIDAuMCAyMDAgMjAwIF0KL1BhcmVudCAy"
    "IDAgUgo+PgplbmRvYmoKNSAwIG9iago8PAovViA0Ci9SIDQKL0xlbmd0aCAxMjgKL1AgNDI5NDk2NzI5MgovRmlsdGVyIC9TdGFu"
    "ZGFyZAovTyA8NzdiOGZiMDk4MDIyZDNhYjM0MjM3ZWE1NjQzYzA4NzEwZWE1MTIzZmM1Zjg4YmY5OTNhNjhjY2E1ZjEyYjQwZj4K"
    "L1UgPDI4NjI1YzM2ZWRkNDJkNzBkZmEyYzE4N2E2ZWZhNDUxMjhiZjRlNWU0ZTc1OGE0MTY0MDA0ZTU2ZmZmYTAxMDg+Ci9DRiA8"
    "PAovU3RkQ0YgPDwKL0F1dGhFdmVudCAvRG9jT3BlbgovQ0ZNIC9BRVNWMgovTGVuZ3RoIDE2Cj4+Cj4+Ci9TdG1GIC9TdGRDRgov"
    "U3RyRiAvU3RkQ0YKPj4KZW5kb2JqCnhyZWYKMCA2CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAw"
    "MDAwMTEzIDAwMDAwIG4gCjAwMDAwMDAxNzIgMDAwMDAgbiAKMDAwMDAwMDIyMSAwMDAwMCBuIAowMDAwMDAwMzE1IDAwMDAwIG4g"
    "CnRyYWlsZXIKPDwKL1NpemUgNgovUm9vdCAzIDAgUgovSW5mbyAxIDAgUgovSUQgWyA8MTA4M2FmNGIxNzIwZTlhNzk4NGQ4NTJj"
    "NDRlYTI3NDM+IDwxMDgzYWY0YjE3MjBlOWE3OTg0ZDg1MmM0NGVhMjc0Mz4gXQovRW5jcnlwdCA1IDAgUgo+PgpzdGFydHhyZWYK"
    "NjIyCiUlRU9GCg=="
)
AES_256_PDF = (
    "JVBERi0xLjMKJeLjz9MKMSAwIG9iago8PAovUHJvZHVjZXIgPDYyOGQyYzA1NGM5NTNjZmVjODdiNDRkZWRjOTAyMjQyOTcxMDg4"
    "NzlmZDlmOTY3Yzk2NTIxMGJhZjI5Y2M0MDA+Cj4+CmVuZG9iagoyIDAgb2JqCjw8Ci9UeXBlIC9QYWdlcwovQ291bnQgMQovS2lk"
    "cyBbIDQgMCBSIF0KPj4KZW5kb2JqCjMgMCBvYmoKPDwKL1R5cGUgL0NhdGFsb2cKL1BhZ2VzIDIgMCBSCj4+CmVuZG9iago0IDAg"
    "b2JqCjw8Ci9UeXBlIC9QYWdlCi9SZXNvdXJjZXMgPDwKPj4KL01lZGlhQm94IFsgMC4wIDAuMCAyMDAgMjAwIF0KL1BhcmVudCAy"
    "IDAgUgo+PgplbmRvYmoKNSAwIG9iago8PAovViA1Ci9SIDYKL0xlbmd0aCAyNTYKL1AgNDI5NDk2NzI5MgovRmlsdGVyIC9TdGFu"
    "ZGFyZAovTyA8ODdhODU0NjYwOWE5NTk4NmVmNDk1YjU1ZDZkNTRmMTM4Mzk3ZWM3MGQxMGVkZWRhNTU1MjI5NDZiNjRjNGY2OWFj"
    "MWQ4NjMzOWNlNzU1YWJhNGRiMTU3NzE4ZmFkZjI3PgovVSA8MzE1YTFiMWRkMmY0OWY3NDhhMmYxNmM3ZDIzZjAzYzE2ODRiN2E4"
    "ZmQ5NTVkMjU4NGM1MzMzM2RmMzMyYTgwNzllNzljNzhmNDM1ZmY3OGFmODA2MWIwMzk5MTVlM2Q0PgovQ0YgPDwKL1N0ZENGIDw8"
    "Ci9BdXRoRXZlbnQgL0RvY09wZW4KL0NGTSAvQUVTVjMKL0xlbmd0aCAzMgo+Pgo+PgovU3RtRiAvU3RkQ0YKL1N0ckYgL1N0ZENG"
    "Ci9PRSA8NzY4NTEzNGExZGYyZTA3ZTM3YWE3MTRiMThkY2FhODIyNDllYzExOTEzMjNmM2UxYTJiMWYwYWZiOTQ0YjQzNz4KL1VF"
    "IDwzYjk0ZmI0NmUyMGUwNjg2MjFhZmU4MGEyZDYzNTFkM2U2MjNlNjljNDc0NjlmYmYxODI0ODAxZTNkMzcyYzgwPgovUGVybXMg"
    "PGY3YjkzOTgwZmNkODAxYjgyMDVmY2NlMWI3YzdiMmJmPgo+PgplbmRvYmoKeHJlZgowIDYKMDAwMDAwMDAwMCA2NTUzNSBmIAow"
    "MDAwMDAwMDE1IDAwMDAwIG4gCjAwMDAwMDAxMTMgMDAwMDAgbiAKMDAwMDAwMDE3MiAwMDAwMCBuIAowMDAwMDAwMjIxIDAwMDAw"
    "IG4gCjAwMDAwMDAzMTUgMDAwMDAgbiAKdHJhaWxlcgo8PAovU2l6ZSA2Ci9Sb290IDMgMCBSCi9JbmZvIDEgMCBSCi9JRCBbIDw2"
    "MWIyYTVkYjc1NmRiOTA3YTdhNzY2OGZjZDUzYTAwND4gPDYxYjJhNWRiNzU2ZGI5MDdhN2E3NjY4ZmNkNTNhMDA0PiBdCi9FbmNy"
    "eXB0IDUgMCBSCj4+CnN0YXJ0eHJlZgo4NzAKJSVFT0YK"
)


@pytest.mark.parametrize("encoded", [AES_128_PDF, AES_256_PDF], ids=["aes128", "aes256"])
def test_an_aes_encrypted_pdf_is_named_encrypted_not_a_desk_failure(tmp_path: Path, encoded: str) -> None:
    """pypdf needs an optional package for AES: the reason was "desk failed on it (DependencyError)"."""
    import base64
    import importlib.util

    from desk.corpus import FolderContext, Unreadable, read_article

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "restricted.pdf").write_bytes(base64.b64decode(encoded))
    with pytest.raises(Unreadable) as info:
        read_article(folder / "restricted.pdf", folder, FolderContext.load(folder))
    if importlib.util.find_spec("cryptography") is not None:  # decrypted: the blank page has no text
        assert "text layer" in info.value.reason
    else:
        assert info.value.reason.startswith("encrypted PDF (AES encryption")
        assert "desk failed" not in info.value.reason
