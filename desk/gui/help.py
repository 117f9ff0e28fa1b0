"""The Help window: first steps, the query language and the keys (desk's own text, no article text)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desk.gui.richtext import SafeBrowser

#: the Help window: first steps, then the query language (our own text, no article text)
HELP_HTML = """
<h2>First steps</h2>
<ol>
<li><b>File &gt; Open Folder</b> (Ctrl+O) and pick a folder of articles. desk indexes it in the background
(progress and Cancel in the status bar); you can search what is indexed so far.</li>
<li>Type a query in the search field (Ctrl+F) and press <b>Enter</b>. The Compare tab shows one column per
outlet; passages reporting the same fact share a row.</li>
<li>Each pane shows the outlet's own words. Figures are tinted by value (the same value, the same tint),
claimants coloured with a marker (see the legend; untick a claimant in <b>Claimants</b> to hide it).
<b>&#x26a0; differs</b> marks rows whose figures or claimants disagree; F8 / Shift+F8 jump between them.</li>
<li><b>Wording</b> marks how other passages are worded against one outlet you choose.
<b>Only disagreements</b>, <b>Hide single-outlet rows</b> and the sort box narrow and order the rows;
<b>more</b> in a cell shows a long passage whole.</li>
<li>Tick rows and press <b>Ctrl+E</b> to preview and save them as Markdown with citations.</li>
<li>To align whole articles, select two or more in the Library and use <b>Go &gt; Collate</b> (Ctrl+K).</li>
</ol>
<h2>The query language</h2>
<table border="0" cellspacing="4">
<tr><td><code>grain deal</code></td><td>passages with both words (any form: <i>deals</i> too)</td></tr>
<tr><td><code>"grain deal"</code></td><td>the exact phrase</td></tr>
<tr><td><code>ferry OR boat</code></td><td>either word; <code>AND</code> and <code>NOT</code> too; brackets group</td></tr>
<tr><td><code>evac*</code> &nbsp; <code>swap~</code></td><td>words starting with evac; words spelled like swap</td></tr>
<tr><td><code>outlet:reuters</code></td><td>one outlet's passages</td></tr>
<tr><td><code>title:harbour</code></td><td>words in the title</td></tr>
<tr><td><code>date:[2022-07-01 TO 2022-08-01]</code></td><td>articles dated in a range</td></tr>
<tr><td><code>claimant:marchuk</code></td><td>passages where that source is quoted (aliases apply)</td></tr>
<tr><td><code>figure:&gt;1000</code> &nbsp; <code>figure:[10 TO 20]</code></td>
<td>passages with a figure above 1000, or between 10 and 20</td></tr>
</table>
<p><code>claimant:</code>, <code>figure:</code> and <code>date:</code> combine with other words at the top level
(<code>killed claimant:marchuk</code>, <code>killed NOT claimant:kovac</code>), not inside an OR group.
A malformed query gets a sentence saying what is wrong. The Library's outlet and date filters apply too.</p>
<h2>Keys</h2>
<p>Enter compares &middot; Up/Down: query history &middot; F8 next disagreement &middot; Ctrl+E export &middot;
Ctrl+1/2/3 Compare, Reader, Claims &middot; F3 next match in the Reader &middot; Esc cancels running work.</p>
"""


def help_dialog(parent: QWidget | None = None) -> QDialog:
    """A window that stays open beside the work (not modal)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("desk help")
    dialog.setObjectName("helpDialog")
    view = SafeBrowser(dialog)
    view.setObjectName("helpText")
    view.setHtml(HELP_HTML)
    lay = QVBoxLayout(dialog)
    lay.addWidget(view)
    dialog.resize(720, 640)
    return dialog
