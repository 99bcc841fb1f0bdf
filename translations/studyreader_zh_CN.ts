<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BilingualReader</name>
    <message>
        <source>Remote image not loaded:</source>
        <translation>远程图片未加载：</translation>
    </message>
    <message>
        <source>Image not shown:</source>
        <translation>图片未显示：</translation>
    </message>
    <message>
        <source>Shown as plain text: too complex to format.</source>
        <translation>以纯文本显示：内容过于复杂，无法排版。</translation>
    </message>
    <message>
        <source>Glossary term not used:</source>
        <translation>未采用术语表译法：</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>&amp;Save Entry</source>
        <translation>保存条目(&amp;S)</translation>
    </message>
    <message>
        <source>Write the entry into the notes file (Ctrl+S)</source>
        <translation>把条目写入笔记文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save and &amp;Check In</source>
        <translation>保存并打卡(&amp;C)</translation>
    </message>
    <message>
        <source>Save the entry, then commit only the notes file and push it with your git (Ctrl+Shift+K)</source>
        <translation>保存条目，然后用你的 git 只提交并推送笔记文件（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <source>Copy for the &amp;Website</source>
        <translation>复制到网站(&amp;W)</translation>
    </message>
    <message>
        <source>Put the entry&apos;s text on the clipboard for the programme&apos;s website (Ctrl+Shift+C)</source>
        <translation>把条目文字复制到剪贴板，以便粘贴到共学网站（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>&amp;Edit Existing Entry</source>
        <translation>编辑已有条目(&amp;E)</translation>
    </message>
    <message>
        <source>Load the day&apos;s entry from the notes file and edit it in place (Ctrl+Shift+E)</source>
        <translation>从笔记文件载入当天的条目，直接在原处修改（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Show &amp;Preview and Translation</source>
        <translation>显示预览和译文(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Translate Now</source>
        <translation>立即翻译(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>加粗(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>斜体(&amp;I)</translation>
    </message>
    <message>
        <source>Inline &amp;Code</source>
        <translation>行内代码(&amp;C)</translation>
    </message>
    <message>
        <source>Save Entry</source>
        <translation>保存条目</translation>
    </message>
    <message>
        <source>Write today&apos;s notes in Markdown. Ctrl+S saves them into the notes file.</source>
        <translation>用 Markdown 写今天的笔记。按 Ctrl+S 保存到笔记文件。</translation>
    </message>
    <message>
        <source>Today&apos;s notes in Markdown. Ctrl+S saves them.</source>
        <translation>用 Markdown 写今天的笔记。按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>Today&apos;s notes (Markdown)</source>
        <translation>今天的笔记（Markdown）</translation>
    </message>
    <message>
        <source>The formatted entry appears here as you type.</source>
        <translation>输入时，排版后的条目会显示在这里。</translation>
    </message>
    <message>
        <source>The formatted entry appears here.</source>
        <translation>排版后的条目显示在这里。</translation>
    </message>
    <message>
        <source>Formatted entry</source>
        <translation>排版后的条目</translation>
    </message>
    <message>
        <source>The English translation appears here a moment after you stop typing.</source>
        <translation>停止输入片刻后，英文译文会显示在这里。</translation>
    </message>
    <message>
        <source>The English appears here when you pause.</source>
        <translation>停止输入时，英文译文显示在这里。</translation>
    </message>
    <message>
        <source>English, after a pause</source>
        <translation>英文（停顿后显示）</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Discard Draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Translation Models…</source>
        <translation>翻译模型…</translation>
    </message>
    <message>
        <source>Rendered as in the reader</source>
        <translation>与阅读区的显示方式相同</translation>
    </message>
    <message>
        <source>Save and Check In</source>
        <translation>保存并打卡</translation>
    </message>
    <message>
        <source>Copy for the Website</source>
        <translation>复制到网站</translation>
    </message>
    <message>
        <source>There is nothing to save yet.</source>
        <translation>还没有可保存的内容。</translation>
    </message>
    <message>
        <source>Not saved: the entry changed on disk.</source>
        <translation>未保存：磁盘上的条目已被修改。</translation>
    </message>
    <message>
        <source>Could not save the entry: {error}</source>
        <translation>无法保存条目：{error}</translation>
    </message>
    <message>
        <source>Entry of {date} saved (line {line}).</source>
        <translation>{date} 的条目已保存（第 {line} 行）。</translation>
    </message>
    <message>
        <source>Could not write the draft: {error}</source>
        <translation>无法写入草稿：{error}</translation>
    </message>
    <message>
        <source>Could not remove the draft: {error}</source>
        <translation>无法删除草稿：{error}</translation>
    </message>
    <message>
        <source>Recovered unsaved text for the entry of {date} (draft of {time}).</source>
        <translation>已恢复 {date} 条目中未保存的内容（草稿时间 {time}）。</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes file</source>
        <translation>未打开笔记文件</translation>
    </message>
    <message>
        <source>Entry of {date}</source>
        <translation>{date} 的条目</translation>
    </message>
    <message>
        <source>Editing the existing entry in place</source>
        <translation>正在原处编辑已有条目</translation>
    </message>
    <message>
        <source>A new entry will be added</source>
        <translation>将新增一个条目</translation>
    </message>
    <message>
        <source>Fills the empty entry</source>
        <translation>将填写当天的空条目</translation>
    </message>
    <message>
        <source>Adds to the existing entry ({count})</source>
        <translation>追加到已有条目（已有 {count}）</translation>
    </message>
    <message>
        <source>{state} · not today&apos;s date</source>
        <translation>{state} · 不是今天的日期</translation>
    </message>
    <message>
        <source>{state} · time zone {zone}</source>
        <translation>{state} · 时区 {zone}</translation>
    </message>
    <message>
        <source>Entry changed on disk</source>
        <translation>条目已在磁盘上被修改</translation>
    </message>
    <message>
        <source>The entry of {date} was changed in the notes file since you started editing it (perhaps by a git pull). This is what changed on disk (− removed, + added):</source>
        <translation>你开始编辑之后，笔记文件中 {date} 的条目被修改过（可能来自 git pull）。以下是磁盘上的改动（− 删除，+ 新增）：</translation>
    </message>
    <message>
        <source>Replace the entry on disk with your version? Its changes above are lost.</source>
        <translation>要用你的版本替换磁盘上的条目吗？上面这些改动将会丢失。</translation>
    </message>
    <message>
        <source>&amp;Replace with My Version</source>
        <translation>用我的版本替换(&amp;R)</translation>
    </message>
    <message>
        <source>The translation failed: {reason}</source>
        <translation>翻译失败：{reason}</translation>
    </message>
    <message>
        <source>No Chinese→English translation model is installed, so there is no live translation. Install one with “Translation Models…” (a .argosmodel file, or a download when online).</source>
        <translation>尚未安装中译英翻译模型，因此没有实时翻译。请通过“翻译模型…”安装一个（使用 .argosmodel 文件，或在联网时下载）。</translation>
    </message>
    <message>
        <source>No translation.</source>
        <translation>没有译文。</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <source>The notes file changed on disk, including this entry. Saving will ask before replacing it.</source>
        <translation>笔记文件已在磁盘上被修改，其中包括这个条目。保存时会先询问是否替换。</translation>
    </message>
    <message>
        <source>The notes file changed on disk. Your text is kept and will be saved into the new version.</source>
        <translation>笔记文件已在磁盘上被修改。你写的内容仍然保留，保存时会写入新版本。</translation>
    </message>
    <message>
        <source>The notes file changed on disk and was reloaded.</source>
        <translation>笔记文件已在磁盘上被修改，已重新载入。</translation>
    </message>
    <message>
        <source>Save the entry, then commit only the notes file and push it with your own git</source>
        <translation>保存条目，然后用你自己的 git 只提交并推送笔记文件</translation>
    </message>
    <message>
        <source>No programme repository around this notes file: there is nothing to check in to</source>
        <translation>这个笔记文件不在共学仓库中：无处打卡</translation>
    </message>
    <message>
        <source>Cannot tell whether the entry will count: {error}</source>
        <translation>无法判断这个条目能否计入打卡：{error}</translation>
    </message>
    <message>
        <source>Checking in {name}: committing it and pushing it with your git…</source>
        <translation>正在为 {name} 打卡：用你的 git 提交并推送…</translation>
    </message>
    <message>
        <source>Checked in: your notes are on {where}.</source>
        <translation>已打卡：你的笔记已推送到 {where}。</translation>
    </message>
    <message>
        <source>The bot updates its table after this push, usually within a few minutes, and again at its daily run at 00:00 UTC ({time} your time).</source>
        <translation>机器人会在这次推送后更新打卡记录表，通常只需几分钟；每天 00:00 UTC（你的时间 {time}）还会再运行一次。</translation>
    </message>
    <message>
        <source>Not checked in.</source>
        <translation>未打卡。</translation>
    </message>
    <message>
        <source>Not checked in: {error}</source>
        <translation>未打卡：{error}</translation>
    </message>
    <message>
        <source>There is no text for {date} yet: write the entry first.</source>
        <translation>{date} 还没有内容：请先写条目。</translation>
    </message>
    <message>
        <source>Copied the entry of {date} ({count} characters): paste it into the programme&apos;s website.</source>
        <translation>已复制 {date} 的条目（{count} 个字）：请粘贴到共学网站。</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>Saved now: {answer}</source>
        <translation>若现在保存：{answer}</translation>
    </message>
    <message>
        <source>Leave this week ({span}): {used} of {allowed} used</source>
        <translation>本周请假（{span}）：已用 {used} 次，共 {allowed} 次</translation>
    </message>
    <message>
        <source>Leave this cycle ({span}): {used} of {allowed} used</source>
        <translation>本周期请假（{span}）：已用 {used} 次，共 {allowed} 次</translation>
    </message>
    <message>
        <source>Leave: no programme week is running today</source>
        <translation>请假：今天不在任何共学周内</translation>
    </message>
    <message>
        <source>No programme known for this file: nothing is missed, entries only count or not</source>
        <translation>未找到这个文件所属的共学：不会缺卡，条目只分计入与不计入</translation>
    </message>
    <message>
        <source>the bot&apos;s day ({zone}) ends at {time} your time</source>
        <translation>机器人的一天（{zone}）在你的时间 {time} 结束</translation>
    </message>
</context>
<context>
    <name>EntryNavigator</name>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Dated entries, newest first. Click one to jump to it.</source>
        <translation>按日期排列的条目，最新的在前。点击即可跳转。</translation>
    </message>
    <message>
        <source>The bot&apos;s mark for every programme day; hover a day for the reason.</source>
        <translation>机器人对共学每一天的标记；鼠标悬停在某一天上可查看原因。</translation>
    </message>
    <message>
        <source>Programme days and the bot&apos;s marks</source>
        <translation>共学日期与机器人的标记</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>共学</translation>
    </message>
    <message>
        <source>Programme {first} – {last}</source>
        <translation>共学 {first} – {last}</translation>
    </message>
    <message>
        <source>{n} chars</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>{date}, line {line}</source>
        <translation>{date}，第 {line} 行</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>HTML (one file)</source>
        <translation>HTML（单个文件）</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右对照</translation>
    </message>
    <message>
        <source>Interleaved</source>
        <translation>上下对照</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <source>Paper (PDF):</source>
        <translation>纸张（PDF）：</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>The first date is after the last.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Exporting… (blocks not yet translated are translated first)</source>
        <translation>正在导出…（尚未翻译的段落会先翻译）</translation>
    </message>
    <message>
        <source>Translating: {done} of {total} blocks…</source>
        <translation>正在翻译：第 {done} / {total} 段…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>No translation model is installed: the export holds the Chinese only.</source>
        <translation>未安装翻译模型：导出文件只包含中文。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>已取消导出：没有写入任何文件。</translation>
    </message>
    <message>
        <source>No translation model is installed.</source>
        <translation>未安装翻译模型。</translation>
    </message>
    <message>
        <source>No translation model is installed, so the notes cannot be translated.</source>
        <translation>未安装翻译模型，因此无法翻译笔记。</translation>
    </message>
    <message>
        <source>Export the Chinese only, or cancel? A model is installed from Tools ▸ Translation models…</source>
        <translation>只导出中文，还是取消？可以在“工具 ▸ 翻译模型…”中安装模型。</translation>
    </message>
    <message>
        <source>Export Chinese only</source>
        <translation>只导出中文</translation>
    </message>
    <message>
        <source>Nothing was exported: no translation model is installed.</source>
        <translation>没有导出：未安装翻译模型。</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Search terms: 中文, English, aliases</source>
        <translation>搜索术语：中文、English、别名</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add your own term</source>
        <translation>添加自己的术语</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected term (kept in your own glossary)</source>
        <translation>编辑所选术语（保存在你自己的术语表中）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide the selected term from marks and lists</source>
        <translation>不再标注和列出所选术语</translation>
    </message>
    <message>
        <source>Loading the glossary…</source>
        <translation>正在载入术语表…</translation>
    </message>
    <message>
        <source>Your own term</source>
        <translation>你自己的术语</translation>
    </message>
    <message>
        <source>Marked words in the notes are glossary terms: hover one to read its definition, click it to show it here with the entries that mention it.</source>
        <translation>笔记中带标记的词是术语表中的术语：鼠标悬停可查看释义，点击后会在这里显示它，以及提到它的条目。</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>又称：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>See also:</source>
        <translation>另见：</translation>
    </message>
    <message>
        <source>In your entries:</source>
        <translation>出现在你的条目中：</translation>
    </message>
    <message>
        <source>Not mentioned in your dated entries.</source>
        <translation>你的日期条目中没有提到它。</translation>
    </message>
    <message>
        <source>From your own glossary.</source>
        <translation>来自你自己的术语表。</translation>
    </message>
</context>
<context>
    <name>HabitDialog</name>
    <message>
        <source>Study habit</source>
        <translation>学习习惯</translation>
    </message>
</context>
<context>
    <name>HabitView</name>
    <message>
        <source>Current streak: 1 day</source>
        <translation>当前连续打卡：1 天</translation>
    </message>
    <message>
        <source>Current streak: {n} days</source>
        <translation>当前连续打卡：{n} 天</translation>
    </message>
    <message>
        <source>Longest streak: 1 day</source>
        <translation>最长连续打卡：1 天</translation>
    </message>
    <message>
        <source>Longest streak: {n} days</source>
        <translation>最长连续打卡：{n} 天</translation>
    </message>
    <message>
        <source>entry written</source>
        <translation>已写条目</translation>
    </message>
    <message>
        <source>no notes file</source>
        <translation>没有笔记文件</translation>
    </message>
    <message>
        <source>entry not written yet</source>
        <translation>尚未写条目</translation>
    </message>
    <message>
        <source>Today: {minutes} / {goal} min · {entry}</source>
        <translation>今天：{minutes} / {goal} 分钟 · {entry}</translation>
    </message>
    <message>
        <source>1 term reviewed</source>
        <translation>复习了 1 个术语</translation>
    </message>
    <message>
        <source>{n} terms reviewed</source>
        <translation>复习了 {n} 个术语</translation>
    </message>
    <message>
        <source>This week: {minutes} / {goal} min</source>
        <translation>本周：{minutes} / {goal} 分钟</translation>
    </message>
    <message>
        <source>Days in {zone}</source>
        <translation>按 {zone} 时区计日</translation>
    </message>
    <message>
        <source>Log time…</source>
        <translation>补记时间…</translation>
    </message>
    <message>
        <source>Add study done away from the computer</source>
        <translation>补记不在电脑前完成的学习</translation>
    </message>
    <message>
        <source>Minutes are counted in the calendar days of the notes file&apos;s time zone.</source>
        <translation>学习分钟数按笔记文件所在时区的自然日统计。</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>entry written</source>
        <translation>已写条目</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>没有条目</translation>
    </message>
    <message>
        <source>{minutes} min studied</source>
        <translation>学习了 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min studied (goal reached)</source>
        <translation>学习了 {minutes} 分钟（达成目标）</translation>
    </message>
    <message>
        <source>1 term reviewed</source>
        <translation>复习了 1 个术语</translation>
    </message>
    <message>
        <source>{n} terms reviewed</source>
        <translation>复习了 {n} 个术语</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Less</source>
        <translation>少</translation>
    </message>
    <message>
        <source>More (goal)</source>
        <translation>多（达标）</translation>
    </message>
    <message>
        <source>entry written</source>
        <translation>已写条目</translation>
    </message>
    <message>
        <source>terms reviewed (counts for the streak)</source>
        <translation>已复习术语（计入连续天数）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>条目(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Review terms…</source>
        <translation>复习术语…</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
    <message>
        <source>Highlight a sentence and its English</source>
        <translation>高亮一个句子及其英文</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>指向</translation>
    </message>
    <message>
        <source>Pin the highlighted sentence</source>
        <translation>固定高亮的句子</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>单击</translation>
    </message>
    <message>
        <source>Clear the pinned sentence</source>
        <translation>清除固定的句子</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Open notes…</source>
        <translation>打开笔记(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右对照</translation>
    </message>
    <message>
        <source>Interleaved</source>
        <translation>上下对照</translation>
    </message>
    <message>
        <source>Chinese only</source>
        <translation>仅中文</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>仅英文</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>恢复默认大小</translation>
    </message>
    <message>
        <source>Entry list</source>
        <translation>条目列表</translation>
    </message>
    <message>
        <source>Glossary sidebar</source>
        <translation>术语侧栏</translation>
    </message>
    <message>
        <source>Write today&apos;s entry</source>
        <translation>写今天的条目</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>搜索术语表</translation>
    </message>
    <message>
        <source>Go to the entry list</source>
        <translation>转到条目列表</translation>
    </message>
    <message>
        <source>Previous entry</source>
        <translation>上一个条目</translation>
    </message>
    <message>
        <source>Next entry</source>
        <translation>下一个条目</translation>
    </message>
    <message>
        <source>Translate again</source>
        <translation>重新翻译</translation>
    </message>
    <message>
        <source>Translation models…</source>
        <translation>翻译模型…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Study habit…</source>
        <translation>学习习惯…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About StudyReader</source>
        <translation>关于 StudyReader</translation>
    </message>
    <message>
        <source>Notes and translation</source>
        <translation>笔记与译文</translation>
    </message>
    <message>
        <source>Dated entries</source>
        <translation>日期条目</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>术语列表</translation>
    </message>
    <message>
        <source>Term details</source>
        <translation>术语详情</translation>
    </message>
    <message>
        <source>Today&apos;s entry</source>
        <translation>今天的条目</translation>
    </message>
    <message>
        <source>Cannot open notes</source>
        <translation>无法打开笔记</translation>
    </message>
    <message>
        <source> (and {n} more)</source>
        <translation>（另有 {n} 条）</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>已重新载入 {name}</translation>
    </message>
    <message>
        <source>Open notes</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <source>Markdown notes (*.md *.markdown);;All files (*)</source>
        <translation>Markdown 笔记 (*.md *.markdown);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>Open a notes file first.</source>
        <translation>请先打开一个笔记文件。</translation>
    </message>
    <message>
        <source>StudyReader {version}: Chinese study notes beside an offline English translation.</source>
        <translation>StudyReader {version}：中文学习笔记与离线英文译文对照阅读。</translation>
    </message>
    <message>
        <source>The glossary could not be loaded: {error}</source>
        <translation>无法载入术语表：{error}</translation>
    </message>
    <message>
        <source>Translating… {done}/{total}</source>
        <translation>正在翻译… {done}/{total}</translation>
    </message>
    <message>
        <source>No Chinese→English translation model is installed, so the English column stays empty. Install one from a .argosmodel file or download it in the model manager.</source>
        <translation>尚未安装中译英翻译模型，因此英文栏为空。请在模型管理中用 .argosmodel 文件安装，或直接下载。</translation>
    </message>
    <message>
        <source>Install a model…</source>
        <translation>安装模型…</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <source>Translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <source>No translation model</source>
        <translation>没有翻译模型</translation>
    </message>
    <message>
        <source>Translation not available</source>
        <translation>翻译不可用</translation>
    </message>
    <message>
        <source>Translation incomplete</source>
        <translation>翻译未完成</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Log study time</source>
        <translation>补记学习时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. read the fault proof spec on the train</source>
        <translation>例如：在火车上读了故障证明规范</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>分钟数：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Not logged: {reason}</source>
        <translation>未记录：{reason}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>line {line}: a code block is never closed; the rest of the file is read as code</source>
        <translation>第 {line} 行：代码块没有结束，文件余下的部分都当作代码读取</translation>
    </message>
    <message>
        <source>line {line}: {heading!r} names an impossible date; not read as an entry</source>
        <translation>第 {line} 行：{heading!r} 是不存在的日期，不作为条目读取</translation>
    </message>
    <message>
        <source>line {line}: {date} is far from the file&apos;s other dates ({first} to {last}), so it is left out of the programme; is the year a typo?</source>
        <translation>第 {line} 行：{date} 与文件中其他日期（{first} 至 {last}）相距太远，因此不计入共学；年份是不是写错了？</translation>
    </message>
    <message>
        <source>line {line}: {date} is a duplicate of the entry on line {first_line}</source>
        <translation>第 {line} 行：{date} 与第 {first_line} 行的条目日期重复</translation>
    </message>
    <message>
        <source>line {line}: the entry for {date} is empty</source>
        <translation>第 {line} 行：{date} 的条目是空的</translation>
    </message>
    <message>
        <source>line {line}: {date} is out of date order (after {previous} on line {previous_line})</source>
        <translation>第 {line} 行：{date} 不符合日期顺序（前面是第 {previous_line} 行的 {previous}）</translation>
    </message>
    <message>
        <source>timezone {value!r} in the front matter is not a known time zone; using the computer&apos;s zone ({local})</source>
        <translation>前置元数据中的时区 {value!r} 不是已知的时区；改用本机时区（{local}）</translation>
    </message>
    <message>
        <source>{path}: the file is UTF-16 encoded, not UTF-8; save it as UTF-8 and try again</source>
        <translation>{path}：文件是 UTF-16 编码，不是 UTF-8；请另存为 UTF-8 后重试</translation>
    </message>
    <message>
        <source>{path}: this looks like a binary file, not Markdown notes</source>
        <translation>{path}：这看起来是二进制文件，不是 Markdown 笔记</translation>
    </message>
    <message>
        <source>{path}: the file is not valid UTF-8 (first bad byte on line {line}).</source>
        <translation>{path}：文件不是有效的 UTF-8（第一个错误字节在第 {line} 行）。</translation>
    </message>
    <message>
        <source>{path}: the file is not valid UTF-8 (first bad byte on line {line}). It looks like GBK (GB18030) encoded Chinese: convert it to UTF-8 first, e.g. iconv -f GBK -t UTF-8.</source>
        <translation>{path}：文件不是有效的 UTF-8（第一个错误字节在第 {line} 行）。它看起来是 GBK（GB18030）编码的中文：请先转换为 UTF-8，例如 iconv -f GBK -t UTF-8。</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a notes file</source>
        <translation>{path}：这是一个文件夹，不是笔记文件</translation>
    </message>
    <message>
        <source>{path}: is not a regular file ({kind}); only a regular file can be a notes file</source>
        <translation>{path}：不是普通文件（{kind}）；只有普通文件才能作为笔记文件</translation>
    </message>
    <message>
        <source>{path}: permission denied while reading</source>
        <translation>{path}：没有读取权限</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>no &lt;!-- Content_START --&gt; … &lt;!-- Content_END --&gt; marker pair (or any &lt;!-- NAME_START --&gt; … &lt;!-- NAME_END --&gt; pair)</source>
        <translation>没有 &lt;!-- Content_START --&gt; … &lt;!-- Content_END --&gt; 标记对（也没有任何 &lt;!-- NAME_START --&gt; … &lt;!-- NAME_END --&gt; 标记对）</translation>
    </message>
    <message>
        <source>the end marker &lt;!-- {name}_END --&gt; (line {line}) comes before its start marker &lt;!-- {name}_START --&gt;</source>
        <translation>结束标记 &lt;!-- {name}_END --&gt;（第 {line} 行）出现在开始标记 &lt;!-- {name}_START --&gt; 之前</translation>
    </message>
    <message>
        <source>the text contains a NUL character (binary data?), which would make the notes file unreadable</source>
        <translation>文字中含有 NUL 字符（二进制数据？），写入后笔记文件将无法读取</translation>
    </message>
    <message>
        <source>the text is empty: there is nothing to write</source>
        <translation>文字为空：没有可写入的内容</translation>
    </message>
    <message>
        <source>the text, line {line}: contains a marker comment ({marker}), which would break the notes file</source>
        <translation>文字第 {line} 行：含有标记注释（{marker}），会破坏笔记文件</translation>
    </message>
    <message>
        <source>the text, line {line}: contains a dated heading ({heading}); write one day&apos;s entry at a time</source>
        <translation>文字第 {line} 行：含有日期标题（{heading}）；一次只写一天的条目</translation>
    </message>
    <message>
        <source>the text: a code block (```) is opened but never closed</source>
        <translation>文字中的代码块（```）开始后没有结束</translation>
    </message>
    <message>
        <source>{path}: {problem}; StudyReader writes entries only between such markers</source>
        <translation>{path}：{problem}；StudyReader 只在这样的标记之间写入条目</translation>
    </message>
    <message>
        <source>{path}: could not find a safe place for the entry of {day}</source>
        <translation>{path}：找不到安全的位置写入 {day} 的条目</translation>
    </message>
    <message>
        <source>{path}: is on a read-only file system; nothing can be saved there</source>
        <translation>{path}：位于只读文件系统上，无法在那里保存</translation>
    </message>
    <message>
        <source>{path}: the file is not writable (permission denied)</source>
        <translation>{path}：文件不可写（没有权限）</translation>
    </message>
    <message>
        <source>{path}: its folder {folder} is not writable, so the file cannot be replaced safely</source>
        <translation>{path}：所在文件夹 {folder} 不可写，因此无法安全地替换文件</translation>
    </message>
    <message>
        <source>{path}: could not be saved ({reason}); the file was not changed</source>
        <translation>{path}：无法保存（{reason}）；文件没有被改动</translation>
    </message>
    <message>
        <source>{path}: the entry for {day} was changed by another program since it was read; nothing was written</source>
        <translation>{path}：读取之后，{day} 的条目被其他程序修改过；没有写入任何内容</translation>
    </message>
    <message>
        <source>{path}: kept changing while it was being saved ({tries} tries); nothing was written</source>
        <translation>{path}：保存期间文件一直在变化（尝试了 {tries} 次）；没有写入任何内容</translation>
    </message>
    <message>
        <source>{path}: another StudyReader has kept this file locked for over {seconds} s; nothing was written</source>
        <translation>{path}：另一个 StudyReader 锁定这个文件已超过 {seconds} 秒；没有写入任何内容</translation>
    </message>
    <message>
        <source>{path}: could not be saved (an interrupted save left the old text in {backup}; compare the two, keep the right one and delete the backup before saving again); the file was not changed</source>
        <translation>{path}：无法保存（上次保存被中断，旧的内容留在 {backup}；请比较这两个文件，保留正确的那个，删除备份后再保存）；文件没有被改动</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>不允许该操作</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>路径中的某一部分是文件，不是文件夹</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>{path}: cannot read: {reason}</source>
        <translation>{path}：无法读取：{reason}</translation>
    </message>
    <message>
        <source>{path}: line {line}: not UTF-8 text</source>
        <translation>{path}：第 {line} 行不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>{path}: line {line}: {detail}</source>
        <translation>{path}：第 {line} 行不是有效的 TOML（{detail}）</translation>
    </message>
    <message>
        <source>{path}: {detail}</source>
        <translation>{path}：不是有效的 TOML（{detail}）</translation>
    </message>
    <message>
        <source>{problem}; glossary file skipped</source>
        <translation>{problem}；已跳过这个术语表文件</translation>
    </message>
    <message>
        <source>{problem}; user terms skipped</source>
        <translation>{problem}；已跳过用户术语</translation>
    </message>
    <message>
        <source>{path}: line {line}</source>
        <translation>{path}：第 {line} 行</translation>
    </message>
    <message>
        <source>{path}: term #{number}</source>
        <translation>{path}：第 {number} 个术语</translation>
    </message>
    <message>
        <source>new term</source>
        <translation>新术语</translation>
    </message>
    <message>
        <source>{where}: a term must be a table</source>
        <translation>{where}：术语必须是一个表</translation>
    </message>
    <message>
        <source>{where}: unknown key {key!r}</source>
        <translation>{where}：未知的键 {key!r}</translation>
    </message>
    <message>
        <source>{where}: {key} must be a list of strings</source>
        <translation>{where}：{key} 必须是字符串列表</translation>
    </message>
    <message>
        <source>{where}: {key} must be true or false</source>
        <translation>{where}：{key} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>{where}: {key} must be a string</source>
        <translation>{where}：{key} 必须是字符串</translation>
    </message>
    <message>
        <source>{where}: missing id</source>
        <translation>{where}：缺少 id</translation>
    </message>
    <message>
        <source>{where}: id {id!r} must be lower-case letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;</source>
        <translation>{where}：id {id!r} 只能包含小写字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos;</translation>
    </message>
    <message>
        <source>{where}: needs en or zh</source>
        <translation>{where}：需要 en 或 zh</translation>
    </message>
    <message>
        <source>{where}: id {id!r} appears twice; the later one is used</source>
        <translation>{where}：id {id!r} 出现了两次；使用后一个</translation>
    </message>
    <message>
        <source>{path}: missing [subject] table with an id</source>
        <translation>{path}：缺少带 id 的 [subject] 表</translation>
    </message>
    <message>
        <source>{path}: unknown top-level key {key!r}</source>
        <translation>{path}：未知的顶层键 {key!r}</translation>
    </message>
    <message>
        <source>{path}: &apos;term&apos; must be an array of tables ([[term]])</source>
        <translation>{path}：&apos;term&apos; 必须是表数组（[[term]]）</translation>
    </message>
    <message>
        <source>{path}: &apos;hidden&apos; must be a list of term ids</source>
        <translation>{path}：&apos;hidden&apos; 必须是术语 id 的列表</translation>
    </message>
    <message>
        <source>{path}: id {id!r} already defined by another glossary file; skipped</source>
        <translation>{path}：id {id!r} 已在另一个术语表文件中定义；已跳过</translation>
    </message>
    <message>
        <source>{path}: term {id!r} is not a bundled term and has neither en nor zh; skipped</source>
        <translation>{path}：术语 {id!r} 不是内置术语，又既没有 en 也没有 zh；已跳过</translation>
    </message>
    <message>
        <source>translation cache {path} cannot be used ({error}); using a temporary cache</source>
        <translation>翻译缓存 {path} 无法使用（{error}）；改用临时缓存</translation>
    </message>
    <message>
        <source>translation cache {path} is locked; using a temporary cache</source>
        <translation>翻译缓存 {path} 已被锁定；改用临时缓存</translation>
    </message>
    <message>
        <source>translation cache {path} cannot be written ({error}); using a temporary cache</source>
        <translation>翻译缓存 {path} 无法写入（{error}）；改用临时缓存</translation>
    </message>
    <message>
        <source>translation cache {path} was damaged ({error}); rebuilt it</source>
        <translation>翻译缓存 {path} 已损坏（{error}）；已重建</translation>
    </message>
    <message>
        <source>no heading the bot reads as {day}</source>
        <translation>没有机器人能读作 {day} 的标题</translation>
    </message>
    <message>
        <source>{chars} characters after {matched!r} (line {line})</source>
        <translation>{matched!r}（第 {line} 行）之后有 {chars} 个字符</translation>
    </message>
    <message>
        <source>cut short at line {line} by {text!r}, which the bot reads as a date heading</source>
        <translation>在第 {line} 行被 {text!r} 截断，机器人把它当作日期标题</translation>
    </message>
    <message>
        <source>counts only because the bot also counts HTML comments such as the DAILY_CHECKIN marker ({without} of {needed} characters without them)</source>
        <translation>能计入只是因为机器人把 DAILY_CHECKIN 标记之类的 HTML 注释也算进去了（不算注释只有 {without} 个字符，需要 {needed} 个）</translation>
    </message>
    <message>
        <source>too short: {chars} of {needed} characters</source>
        <translation>太短：只有 {chars} 个字符，需要 {needed} 个</translation>
    </message>
    <message>
        <source>the bot&apos;s pattern reads &apos;.&apos; as any character, so {literal!r} passes for {pattern!r}</source>
        <translation>机器人的匹配规则把 &apos;.&apos; 当作任意字符，所以 {literal!r} 被当成了 {pattern!r}</translation>
    </message>
    <message>
        <source>{matched!r} is inside a line, not a heading; the bot does not look at line starts</source>
        <translation>{matched!r} 在一行的中间，不是标题；机器人不看是否在行首</translation>
    </message>
    <message>
        <source>{matched!r} is only the start of a longer number ({line!r})</source>
        <translation>{matched!r} 只是一个更长数字的开头（{line!r}）</translation>
    </message>
    <message>
        <source>the heading has no year (year-less {style}): the bot takes it for any year</source>
        <translation>标题没有年份（{style} 格式）：机器人把它当作任何一年的这一天</translation>
    </message>
    <message>
        <source>time zone {zone} from the Settings (the notes&apos; own line is not read)</source>
        <translation>时区 {zone} 来自设置（不读取笔记自己的时区行）</translation>
    </message>
    <message>
        <source>the bot reads timezone {value!r} on line {line}</source>
        <translation>机器人读取第 {line} 行的时区 {value!r}</translation>
    </message>
    <message>
        <source>the bot cannot read timezone {value!r} on line {line}, so it judges the days in {default}</source>
        <translation>机器人读不懂第 {line} 行的时区 {value!r}，因此按 {default} 判定每一天</translation>
    </message>
    <message>
        <source>the bot does not read line {line} ({text!r}): it reads only a &apos;timezone:&apos; line between &apos;---&apos; lines, so it judges the days in {default}</source>
        <translation>机器人不读第 {line} 行（{text!r}）：它只读两行 &apos;---&apos; 之间的 &apos;timezone:&apos; 行，因此按 {default} 判定每一天</translation>
    </message>
    <message>
        <source>no &apos;timezone:&apos; front matter: the bot uses {default}</source>
        <translation>没有 &apos;timezone:&apos; 前置元数据：机器人使用 {default}</translation>
    </message>
    <message>
        <source>eliminated on {day}: {reason}</source>
        <translation>已于 {day} 被淘汰：{reason}</translation>
    </message>
    <message>
        <source>not reached yet in the bot&apos;s zone ({zone}): {reason}</source>
        <translation>在机器人的时区（{zone}）还没到这一天：{reason}</translation>
    </message>
    <message>
        <source>today in the bot&apos;s zone ({zone}), until {until}: {reason}</source>
        <translation>在机器人的时区（{zone}）正是今天，到 {until} 为止：{reason}</translation>
    </message>
    <message>
        <source>{misses} misses in the cycle {first} – {last} (7-day cycles from {start}), allowance {allowance}: {reason}</source>
        <translation>{first} – {last} 这个周期（从 {start} 起每 7 天一个周期）缺卡 {misses} 次，可请假 {allowance} 次：{reason}</translation>
    </message>
    <message>
        <source>{misses} misses in the week {first} – {last} (Monday to Sunday), allowance {allowance} (the older bot&apos;s fixed allowance): {reason}</source>
        <translation>{first} – {last} 这一周（周一至周日）缺卡 {misses} 次，可请假 {allowance} 次（旧版机器人的固定额度）：{reason}</translation>
    </message>
    <message>
        <source>the older bot takes every programme day numbered {number} for today (it compares only the day of the month): {reason}</source>
        <translation>旧版机器人把每个 {number} 号的共学日都当作今天（它只比较几号）：{reason}</translation>
    </message>
    <message>
        <source>the bot finds no notes file for this row</source>
        <translation>机器人找不到这一行对应的笔记文件</translation>
    </message>
    <message>
        <source>would count: {reason}</source>
        <translation>会计入：{reason}</translation>
    </message>
    <message>
        <source>would not count yet: {reason}</source>
        <translation>暂时还不计入：{reason}</translation>
    </message>
    <message>
        <source>would not count: {reason}</source>
        <translation>不计入：{reason}</translation>
    </message>
    <message>
        <source>cannot be saved: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
    <message>
        <source>won&apos;t count: there is no entry for {day}</source>
        <translation>不会计入：没有 {day} 的条目</translation>
    </message>
    <message>
        <source>won&apos;t count: the bot cannot read the date heading {heading!r} (line {line}) as {day}; write it as {fix}</source>
        <translation>不会计入：机器人无法把日期标题 {heading!r}（第 {line} 行）读作 {day}；请写成 {fix}</translation>
    </message>
    <message>
        <source>counts: {reason}</source>
        <translation>会计入：{reason}</translation>
    </message>
    <message>
        <source>won&apos;t count: line {line} {text!r} looks like a date heading to the bot and cuts the entry short ({chars} of {needed} characters)</source>
        <translation>不会计入：第 {line} 行 {text!r} 在机器人看来像日期标题，把条目截短了（只有 {chars} 个字符，需要 {needed} 个）</translation>
    </message>
    <message>
        <source>won&apos;t count: too short ({chars} of {needed} characters)</source>
        <translation>不会计入：太短（只有 {chars} 个字符，需要 {needed} 个）</translation>
    </message>
    <message>
        <source>{day} is not a programme day ({start} – {end})</source>
        <translation>{day} 不是共学日（{start} – {end}）</translation>
    </message>
    <message>
        <source>{day} is already over in the bot&apos;s zone ({zone}): the bot&apos;s today is {today}, so this fills a past day (the bot re-reads it on its next run)</source>
        <translation>{day} 在机器人的时区（{zone}）已经过去：机器人的今天是 {today}，所以这是补写过去的一天（机器人下次运行时会重新读取）</translation>
    </message>
    <message>
        <source>{day} is already over in the bot&apos;s zone ({zone}): the bot&apos;s today is {today}, so this fills a past day (the bot re-reads it on its next run) and {today} still needs its own entry</source>
        <translation>{day} 在机器人的时区（{zone}）已经过去：机器人的今天是 {today}，所以这是补写过去的一天（机器人下次运行时会重新读取），而 {today} 仍需要写自己的条目</translation>
    </message>
    <message>
        <source>{day} has not begun in the bot&apos;s zone ({zone}) yet</source>
        <translation>在机器人的时区（{zone}）{day} 还没开始</translation>
    </message>
    <message>
        <source>{problem}; fix or remove the file before changing user terms</source>
        <translation>{problem}；请先修正或删除这个文件，再修改用户术语</translation>
    </message>
    <message>
        <source>{path}: &apos;hidden&apos; must be a list and &apos;term&apos; an array of tables; fix the file first</source>
        <translation>{path}：&apos;hidden&apos; 必须是列表，&apos;term&apos; 必须是表数组；请先修正这个文件</translation>
    </message>
    <message>
        <source>{path}: cannot write: {reason}</source>
        <translation>{path}：无法写入：{reason}</translation>
    </message>
    <message>
        <source>new term {id!r}</source>
        <translation>新术语 {id!r}</translation>
    </message>
    <message>
        <source>term {id!r}</source>
        <translation>术语 {id!r}</translation>
    </message>
    <message>
        <source>{where}: unknown field {key!r} (known: {known})</source>
        <translation>{where}：未知的字段 {key!r}（可用的字段：{known}）</translation>
    </message>
    <message>
        <source>{where}: {key} must be text</source>
        <translation>{where}：{key} 必须是文字</translation>
    </message>
    <message>
        <source>{where}: source must be an https:// URL</source>
        <translation>{where}：来源必须是 https:// 网址</translation>
    </message>
    <message>
        <source>checked must be a date written YYYY-MM-DD, not {value!r}</source>
        <translation>checked 必须是 YYYY-MM-DD 格式的日期，而不是 {value!r}</translation>
    </message>
    <message>
        <source>checked is not a real date: {value!r}</source>
        <translation>checked 不是一个真实存在的日期：{value!r}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：字段有误：{problem}</translation>
    </message>
    <message>
        <source>{where}: unknown category {category!r} (known: {known})</source>
        <translation>{where}：未知的类别 {category!r}（可用的类别：{known}）</translation>
    </message>
    <message>
        <source>term {id!r} already exists; use `glossary edit` to change it</source>
        <translation>术语 {id!r} 已经存在；请用“编辑”来修改它</translation>
    </message>
    <message>
        <source>nothing to change: give at least one field</source>
        <translation>没有要修改的内容：请至少填写一个字段</translation>
    </message>
    <message>
        <source>the id of a term cannot be changed</source>
        <translation>术语的 id 不能修改</translation>
    </message>
    <message>
        <source>no term {id!r}; use `glossary add` to create it</source>
        <translation>没有术语 {id!r}；请用“添加”来新建它</translation>
    </message>
    <message>
        <source>term {id!r} needs en or zh</source>
        <translation>术语 {id!r} 需要 en 或 zh</translation>
    </message>
    <message>
        <source>no term {id!r}</source>
        <translation>没有术语 {id!r}</translation>
    </message>
    <message>
        <source>term {id!r} is not hidden</source>
        <translation>术语 {id!r} 没有被隐藏</translation>
    </message>
    <message>
        <source>no user term or override {id!r}</source>
        <translation>没有用户术语或覆盖 {id!r}</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not a plain file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>the drafts folder {folder} is a file, not a folder: unsaved text cannot be kept as a draft</source>
        <translation>草稿文件夹 {folder} 是一个文件，不是文件夹：未保存的文字无法保存为草稿</translation>
    </message>
    <message>
        <source>the drafts folder {folder} is a file, not a folder</source>
        <translation>草稿文件夹 {folder} 是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>the draft {path} cannot be written: {reason}</source>
        <translation>草稿 {path} 无法写入：{reason}</translation>
    </message>
    <message>
        <source>the draft {path} cannot be removed: {reason}</source>
        <translation>草稿 {path} 无法删除：{reason}</translation>
    </message>
    <message>
        <source>the draft {path} cannot be read: {reason}</source>
        <translation>草稿 {path} 无法读取：{reason}</translation>
    </message>
    <message>
        <source>the draft {path} is unreadable ({error}) and could not be moved aside ({move_error})</source>
        <translation>草稿 {path} 无法读取（{error}），也无法移到一旁（{move_error}）</translation>
    </message>
    <message>
        <source>the draft {path} was unreadable ({reason}); it was moved to {aside}</source>
        <translation>草稿 {path} 无法读取（{reason}）；已移到 {aside}</translation>
    </message>
    <message>
        <source>it holds {content} instead of a draft</source>
        <translation>其中是 {content}，不是草稿</translation>
    </message>
    <message>
        <source>unknown draft mode {mode!r}</source>
        <translation>未知的草稿模式 {mode!r}</translation>
    </message>
    <message>
        <source>draft text is not a string</source>
        <translation>草稿的文字不是字符串</translation>
    </message>
    <message>
        <source>no {key!r}</source>
        <translation>缺少 {key!r}</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}); using the default settings</source>
        <translation>{path}：无法读取（{reason}）；改用默认设置</translation>
    </message>
    <message>
        <source>{path}: the settings could not be saved ({reason})</source>
        <translation>{path}：设置无法保存（{reason}）</translation>
    </message>
    <message>
        <source>{path}: not an Argos package (not a zip archive)</source>
        <translation>{path}：不是 Argos 模型包（不是 zip 压缩包）</translation>
    </message>
    <message>
        <source>{path}: refused, the archive holds {count} files (at most {most})</source>
        <translation>{path}：已拒绝，压缩包含有 {count} 个文件（最多 {most} 个）</translation>
    </message>
    <message>
        <source>{path}: refused, the archive would unpack to {size} MB (at most {most} MB)</source>
        <translation>{path}：已拒绝，压缩包解压后有 {size} MB（最多 {most} MB）</translation>
    </message>
    <message>
        <source>{path}: damaged archive (bad CRC for {name})</source>
        <translation>{path}：压缩包已损坏（{name} 的 CRC 校验错误）</translation>
    </message>
    <message>
        <source>{path}: refused, the archive holds an absolute path: {name}</source>
        <translation>{path}：已拒绝，压缩包含有绝对路径：{name}</translation>
    </message>
    <message>
        <source>{path}: refused, the archive holds a path outside its folder: {name}</source>
        <translation>{path}：已拒绝，压缩包含有指向其文件夹之外的路径：{name}</translation>
    </message>
    <message>
        <source>{path}: refused, the archive holds a symbolic link: {name}</source>
        <translation>{path}：已拒绝，压缩包含有符号链接：{name}</translation>
    </message>
    <message>
        <source>{path}: not an Argos package: files must sit in one top-level folder ({name} does not)</source>
        <translation>{path}：不是 Argos 模型包：所有文件必须位于同一个顶层文件夹中（{name} 不在其中）</translation>
    </message>
    <message>
        <source>{path}: not an Argos package: expected one top-level folder, found {count}</source>
        <translation>{path}：不是 Argos 模型包：应有一个顶层文件夹，实际有 {count} 个</translation>
    </message>
    <message>
        <source>{path}: refused, bad top-level folder name {top!r}</source>
        <translation>{path}：已拒绝，顶层文件夹名称 {top!r} 无效</translation>
    </message>
    <message>
        <source>{path}: not an Argos package: {top}/metadata.json is missing</source>
        <translation>{path}：不是 Argos 模型包：缺少 {top}/metadata.json</translation>
    </message>
    <message>
        <source>{path}: {top}/metadata.json is not valid JSON ({error})</source>
        <translation>{path}：{top}/metadata.json 不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <source>{path}: {top}/metadata.json is not a JSON object</source>
        <translation>{path}：{top}/metadata.json 不是 JSON 对象</translation>
    </message>
    <message>
        <source>{path}: {top}/metadata.json: {problem}</source>
        <translation>{path}：{top}/metadata.json 有误：{problem}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a text, not {value}</source>
        <translation>&quot;{key}&quot; 必须是文字，而不是 {value}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list, not {value}</source>
        <translation>&quot;{key}&quot; 必须是列表，而不是 {value}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must list objects such as {example}</source>
        <translation>&quot;{key}&quot; 必须列出像 {example} 这样的对象</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list of texts</source>
        <translation>&quot;{key}&quot; 必须是文字列表</translation>
    </message>
    <message>
        <source>&quot;package_version&quot; must be a version such as &quot;1.9&quot;</source>
        <translation>&quot;package_version&quot; 必须是像 &quot;1.9&quot; 这样的版本号</translation>
    </message>
    <message>
        <source>{path}: this package translates {got}, StudyReader needs {needed}</source>
        <translation>{path}：这个模型包翻译 {got}，StudyReader 需要 {needed}</translation>
    </message>
    <message>
        <source>{path}: package type {type!r} is not a translation package</source>
        <translation>{path}：模型包类型 {type!r} 不是翻译模型包</translation>
    </message>
    <message>
        <source>{path}: not an Argos package: {top}/model/model.bin is missing</source>
        <translation>{path}：不是 Argos 模型包：缺少 {top}/model/model.bin</translation>
    </message>
    <message>
        <source>{path}: not an Argos package: no sentencepiece.model or bpe.model</source>
        <translation>{path}：不是 Argos 模型包：没有 sentencepiece.model 或 bpe.model</translation>
    </message>
    <message>
        <source>{path}: damaged zip archive ({error})</source>
        <translation>{path}：zip 压缩包已损坏（{error}）</translation>
    </message>
    <message>
        <source>{path}: cannot read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>cannot install {path} into {folder}: {reason}; nothing was installed</source>
        <translation>无法把 {path} 安装到 {folder}：{reason}；没有安装任何内容</translation>
    </message>
    <message>
        <source>{path}: refused, the archive unpacks to more than {most} MB; nothing was installed</source>
        <translation>{path}：已拒绝，压缩包解压后超过 {most} MB；没有安装任何内容</translation>
    </message>
    <message>
        <source>the Argos package index</source>
        <translation>Argos 模型包索引</translation>
    </message>
    <message>
        <source>the {pair} package</source>
        <translation>{pair} 模型包</translation>
    </message>
    <message>
        <source>could not download {what} from {url}: HTTP {code} {reason}</source>
        <translation>无法从 {url} 下载 {what}：HTTP {code} {reason}</translation>
    </message>
    <message>
        <source>could not reach {url} to download {what} ({reason}); are you online? Offline, install a package file with `studyreader models install FILE.argosmodel`</source>
        <translation>无法连接 {url} 来下载 {what}（{reason}）；是否已联网？离线时，请用“从文件安装…”安装模型包文件</translation>
    </message>
    <message>
        <source>the Argos package index at {url} is unreadable ({error})</source>
        <translation>{url} 上的 Argos 模型包索引无法读取（{error}）</translation>
    </message>
    <message>
        <source>the Argos package index at {url} lists no {pair} package</source>
        <translation>{url} 上的 Argos 模型包索引中没有 {pair} 模型包</translation>
    </message>
    <message>
        <source>the Argos package index at {url} gives no download link for {pair}</source>
        <translation>{url} 上的 Argos 模型包索引没有给出 {pair} 的下载链接</translation>
    </message>
    <message>
        <source>download cancelled; nothing was installed</source>
        <translation>下载已取消；没有安装任何内容</translation>
    </message>
    <message>
        <source>download from {url} broke off ({error}); nothing was installed</source>
        <translation>从 {url} 下载时中断（{error}）；没有安装任何内容</translation>
    </message>
    <message>
        <source>download from {url} stopped at {done} of {total} bytes; nothing was installed</source>
        <translation>从 {url} 下载时在 {done} / {total} 字节处停止；没有安装任何内容</translation>
    </message>
    <message>
        <source>could not download the {pair} package</source>
        <translation>无法下载 {pair} 模型包</translation>
    </message>
    <message>
        <source>study log</source>
        <translation>学习记录</translation>
    </message>
    <message>
        <source>review database</source>
        <translation>复习数据库</translation>
    </message>
    <message>
        <source>a new, empty one was started</source>
        <translation>已新建一个空的</translation>
    </message>
    <message>
        <source>a new, empty log was started</source>
        <translation>已新建一个空的学习记录</translation>
    </message>
    <message>
        <source>it is locked by another program (another StudyReader?); try again in a moment</source>
        <translation>它被另一个程序锁定（另一个 StudyReader？）；请稍后再试</translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation>它是只读的</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>文件无法打开</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>磁盘报告了输入/输出错误</translation>
    </message>
    <message>
        <source>{what} {path}: could not {action}: {reason}; nothing was changed</source>
        <translation>{what} {path}：无法{action}：{reason}；没有做任何更改</translation>
    </message>
    <message>
        <source>{what} folder {folder} cannot be made: {reason}</source>
        <translation>无法创建{what}文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{what} {path} cannot be created: {reason}</source>
        <translation>无法创建{what} {path}：{reason}</translation>
    </message>
    <message>
        <source>{what} {path} cannot be upgraded now: {reason}; nothing was changed</source>
        <translation>{what} {path} 现在无法升级：{reason}；没有做任何更改</translation>
    </message>
    <message>
        <source>{what} {path} cannot be opened: {reason}; nothing was changed</source>
        <translation>{what} {path} 无法打开：{reason}；没有做任何更改</translation>
    </message>
    <message>
        <source>is an SQLite database without the {what}&apos;s tables ({tables})</source>
        <translation>是一个 SQLite 数据库，但没有{what}的表（{tables}）</translation>
    </message>
    <message>
        <source>could not be upgraded ({error})</source>
        <translation>无法升级（{error}）</translation>
    </message>
    <message>
        <source>is not a readable SQLite database ({error})</source>
        <translation>不是可读取的 SQLite 数据库（{error}）</translation>
    </message>
    <message>
        <source>is damaged ({check})</source>
        <translation>已损坏（{check}）</translation>
    </message>
    <message>
        <source>was written by a newer StudyReader (schema {version}, this version knows {known})</source>
        <translation>由更新版本的 StudyReader 写入（结构版本 {version}，这个版本只认识 {known}）</translation>
    </message>
    <message>
        <source>{what} {path} {problem}, and it cannot be moved aside: {reason}</source>
        <translation>{what} {path} {problem}，而且无法移到一旁：{reason}</translation>
    </message>
    <message>
        <source>{what} {path} {problem}; it was moved to {aside} and {started}</source>
        <translation>{what} {path} {problem}；已移到 {aside}，{started}</translation>
    </message>
    <message>
        <source>start the session</source>
        <translation>开始这次学习</translation>
    </message>
    <message>
        <source>record the session</source>
        <translation>记录这次学习</translation>
    </message>
    <message>
        <source>end the session</source>
        <translation>结束这次学习</translation>
    </message>
    <message>
        <source>close unfinished sessions</source>
        <translation>结束未完成的学习</translation>
    </message>
    <message>
        <source>log {minutes} minutes on {day}</source>
        <translation>在 {day} 记录 {minutes} 分钟</translation>
    </message>
    <message>
        <source>read the logged time</source>
        <translation>读取已记录的时间</translation>
    </message>
    <message>
        <source>sync the cards with the notes</source>
        <translation>让卡片与笔记同步</translation>
    </message>
    <message>
        <source>record the grade</source>
        <translation>记录评分</translation>
    </message>
    <message>
        <source>undo the last grade</source>
        <translation>撤销上一次评分</translation>
    </message>
    <message>
        <source>{error}; study time is kept in memory only until the app closes</source>
        <translation>{error}；学习时间只保存在内存中，直到关闭程序</translation>
    </message>
    <message>
        <source>study log {path}: unknown session kind {kind!r} (known: {known})</source>
        <translation>学习记录 {path}：未知的学习类型 {kind!r}（可用的类型：{known}）</translation>
    </message>
    <message>
        <source>study log {path}: session {id} does not exist</source>
        <translation>学习记录 {path}：学习 {id} 不存在</translation>
    </message>
    <message>
        <source>study log {path}: session {id} is already closed</source>
        <translation>学习记录 {path}：学习 {id} 已经结束</translation>
    </message>
    <message>
        <source>minutes must be a whole number, not {minutes!r}</source>
        <translation>分钟数必须是整数，而不是 {minutes!r}</translation>
    </message>
    <message>
        <source>minutes must be positive, not {minutes}</source>
        <translation>分钟数必须大于零，而不是 {minutes}</translation>
    </message>
    <message>
        <source>{minutes} minutes is more than a day ({most} minutes)</source>
        <translation>{minutes} 分钟超过了一天（{most} 分钟）</translation>
    </message>
    <message>
        <source>{day} is in the future (today is {today})</source>
        <translation>{day} 还没到（今天是 {today}）</translation>
    </message>
    <message>
        <source>{day} already has {existing} minutes logged; adding {minutes} would make more than 24 hours in one day</source>
        <translation>{day} 已经记录了 {existing} 分钟；再加 {minutes} 分钟，一天就超过 24 小时了</translation>
    </message>
    <message>
        <source>{error}; reviews are kept in memory only until the app closes</source>
        <translation>{error}；复习记录只保存在内存中，直到关闭程序</translation>
    </message>
    <message>
        <source>review database {path}: card {id} does not exist</source>
        <translation>复习数据库 {path}：卡片 {id} 不存在</translation>
    </message>
    <message>
        <source>{path}: is a folder; give the .apkg file to write</source>
        <translation>{path}：这是一个文件夹；请指定要写入的 .apkg 文件</translation>
    </message>
    <message>
        <source>{path}: no such folder</source>
        <translation>{path}：文件夹不存在</translation>
    </message>
    <message>
        <source>programme override {key}: {value!r} is not a date of the form YYYY-MM-DD</source>
        <translation>共学覆盖设置 {key}：{value!r} 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>programme override allowance: {value!r} is not a number of days</source>
        <translation>共学覆盖设置 allowance：{value!r} 不是天数</translation>
    </message>
    <message>
        <source>programme override generation: {value!r} is not one of {known}</source>
        <translation>共学覆盖设置 generation：{value!r} 不是 {known} 之一</translation>
    </message>
    <message>
        <source>programme override timezone: {value!r} is not a time zone (e.g. Asia/Shanghai or UTC+8)</source>
        <translation>共学覆盖设置 timezone：{value!r} 不是时区（例如 Asia/Shanghai 或 UTC+8）</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Translation Models</source>
        <translation>翻译模型</translation>
    </message>
    <message>
        <source>StudyReader translates offline with Argos Translate. It needs the Chinese → English package (translate-zh_en).</source>
        <translation>StudyReader 使用 Argos Translate 离线翻译，需要中译英模型包（translate-zh_en）。</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>No translation model is installed. Install a .argosmodel file (Ctrl+O) or, when online, download the Chinese → English package (Ctrl+D).</source>
        <translation>尚未安装翻译模型。请安装 .argosmodel 文件（Ctrl+O），或在联网时下载中译英模型包（Ctrl+D）。</translation>
    </message>
    <message>
        <source>&amp;Install from File…</source>
        <translation>从文件安装(&amp;I)…</translation>
    </message>
    <message>
        <source>Install a .argosmodel package file (Ctrl+O)</source>
        <translation>安装 .argosmodel 模型包文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>&amp;Download Chinese → English</source>
        <translation>下载中译英模型(&amp;D)</translation>
    </message>
    <message>
        <source>Download the package from Argos Translate&apos;s index (Ctrl+D)</source>
        <translation>从 Argos Translate 的模型索引下载（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected package (Delete)</source>
        <translation>删除所选模型包（Delete）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>List the installed packages again (F5)</source>
        <translation>重新列出已安装的模型包（F5）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Packages folder: {folder}</source>
        <translation>模型包文件夹：{folder}</translation>
    </message>
    <message>
        <source>Install Translation Model</source>
        <translation>安装翻译模型</translation>
    </message>
    <message>
        <source>Argos Translate packages (*.argosmodel);;All files (*)</source>
        <translation>Argos Translate 模型包 (*.argosmodel);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Installing {file}…</source>
        <translation>正在安装 {file}…</translation>
    </message>
    <message>
        <source>Installed {name} {version}.</source>
        <translation>已安装 {name} {version}。</translation>
    </message>
    <message>
        <source>Looking up the Chinese → English package…</source>
        <translation>正在查找中译英模型包…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>已下载 {done}，共 {total}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Remove Translation Model</source>
        <translation>删除翻译模型</translation>
    </message>
    <message>
        <source>Remove {name} {version} from {folder}?</source>
        <translation>要从 {folder} 删除 {name} {version} 吗？</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <source>Download cancelled. Nothing was installed.</source>
        <translation>下载已取消，没有安装任何内容。</translation>
    </message>
    <message>
        <source>Could not download the Chinese → English package: you seem to be offline. On a computer with internet access, download the package file from
{address}
(listed in Argos Translate&apos;s index, {index}), copy it here and install it with “Install from File…”.</source>
        <translation>无法下载中译英模型包：电脑似乎没有联网。请在能上网的电脑上从
{address}
（收录于 Argos Translate 的模型索引 {index}）下载模型包文件，复制到这台电脑，再用“从文件安装…”安装。</translation>
    </message>
    <message>
        <source>Could not install the package: {reason}</source>
        <translation>无法安装模型包：{reason}</translation>
    </message>
    <message>
        <source>Could not download the package: {reason}</source>
        <translation>无法下载模型包：{reason}</translation>
    </message>
</context>
<context>
    <name>ProgrammeFields</name>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Not saved: the programme ends before it starts.</source>
        <translation>未保存：共学的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Programme of {file}</source>
        <translation>{file} 的共学</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>结束日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Leave &amp;allowance:</source>
        <translation>可请假次数(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Rules:</source>
        <translation>规则(&amp;R)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>as detected</source>
        <translation>按检测结果</translation>
    </message>
    <message>
        <source>none detected (YYYY-MM-DD)</source>
        <translation>未检测到（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>as detected ({n})</source>
        <translation>按检测结果（{n}）</translation>
    </message>
    <message>
        <source> a week</source>
        <translation> 次/周</translation>
    </message>
    <message>
        <source>older</source>
        <translation>旧版</translation>
    </message>
    <message>
        <source>as detected ({rules})</source>
        <translation>按检测结果（{rules}）</translation>
    </message>
    <message>
        <source>newer</source>
        <translation>新版</translation>
    </message>
    <message>
        <source>newer: allowance from the README, 7-day cycles from the start</source>
        <translation>新版：请假次数取自 README，从开始日期起每 7 天为一个周期</translation>
    </message>
    <message>
        <source>older: 2 leaves, Monday-to-Sunday weeks</source>
        <translation>旧版：每周可请假 2 次，周一至周日为一周</translation>
    </message>
    <message>
        <source>as the bot reads the notes (e.g. Asia/Shanghai, UTC+8)</source>
        <translation>机器人所用时区（如 Asia/Shanghai、UTC+8）</translation>
    </message>
    <message>
        <source>This file is in &amp;no programme (entries only count or not)</source>
        <translation>这个文件不属于任何共学（条目只分计入与不计入）(&amp;N)</translation>
    </message>
    <message>
        <source>Leave a field empty to use what was found in the programme&apos;s repository.</source>
        <translation>留空的字段使用从共学仓库中找到的设置。</translation>
    </message>
</context>
<context>
    <name>ProgrammeMarks</name>
    <message>
        <source>Done: the bot marks this day done</source>
        <translation>已完成：机器人把这一天标记为完成</translation>
    </message>
    <message>
        <source>Missed: the bot marks this day missed (it uses one leave)</source>
        <translation>缺卡：机器人把这一天标记为缺卡（占用一次请假）</translation>
    </message>
    <message>
        <source>Eliminated: more misses in one week than the leave allowance</source>
        <translation>已淘汰：一周内缺卡次数超过了可请假次数</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>尚未判定</translation>
    </message>
    <message>
        <source>Blank: the bot leaves the days after an elimination empty</source>
        <translation>空白：淘汰之后的日子，机器人不再标记</translation>
    </message>
    <message>
        <source>Counts: the bot would count this entry (no programme known, so no day is missed)</source>
        <translation>计入：机器人会认可这个条目（未找到所属的共学，因此不会缺卡）</translation>
    </message>
    <message>
        <source>Does not count by the bot&apos;s rules (no programme known, so no day is missed)</source>
        <translation>按机器人的规则不计入（未找到所属的共学，因此不会缺卡）</translation>
    </message>
    <message>
        <source>Outside the programme</source>
        <translation>不在共学期内</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>缺卡</translation>
    </message>
    <message>
        <source>eliminated</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>Outside the programme: no verdict for this day.</source>
        <translation>不在共学期内：这一天没有判定。</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>The bot&apos;s table still says {cell}; it changes on the bot&apos;s next run.</source>
        <translation>打卡记录表上仍是“{cell}”；机器人下次运行时会更新。</translation>
    </message>
</context>
<context>
    <name>ProgrammeStrip</name>
    <message>
        <source>The entry you are writing, saved now: {answer}</source>
        <translation>正在写的条目若现在保存：{answer}</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <source>Time to study</source>
        <translation>该学习了</translation>
    </message>
    <message>
        <source>Nothing studied yet today. Start the timer with Ctrl+Shift+S.</source>
        <translation>今天还没有学习。按 Ctrl+Shift+S 开始计时。</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>The glossary is still loading; try again in a moment.</source>
        <translation>术语表仍在载入，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>ReviewCountButton</name>
    <message>
        <source>Review {n}</source>
        <translation>复习 {n}</translation>
    </message>
    <message>
        <source>{n} term cards to review today (Ctrl+Shift+R)</source>
        <translation>今天有 {n} 张术语卡片待复习（Ctrl+Shift+R）</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Export to Anki</source>
        <translation>导出到 Anki</translation>
    </message>
    <message>
        <source>Anki deck (*.apkg)</source>
        <translation>Anki 牌组 (*.apkg)</translation>
    </message>
    <message>
        <source>Writing the Anki deck…</source>
        <translation>正在写入 Anki 牌组…</translation>
    </message>
    <message>
        <source>Wrote {count} Anki notes to {path}</source>
        <translation>已将 {count} 条 Anki 笔记写入 {path}</translation>
    </message>
    <message>
        <source>The Anki deck was not written: {reason}</source>
        <translation>未能写入 Anki 牌组：{reason}</translation>
    </message>
    <message>
        <source>Chinese → English</source>
        <translation>中文 → 英文</translation>
    </message>
    <message>
        <source>English → Chinese</source>
        <translation>英文 → 中文</translation>
    </message>
    <message>
        <source>Definition → term</source>
        <translation>释义 → 术语</translation>
    </message>
    <message>
        <source>Due today: {due} · New today: {new} · Reviewed in this sitting: {done}</source>
        <translation>今天到期：{due} · 今天新增：{new} · 本次已复习：{done}</translation>
    </message>
    <message>
        <source>Nothing left to review today.</source>
        <translation>今天没有要复习的了。</translation>
    </message>
    <message>
        <source>Esc closes. New terms from your notes come as you write them.</source>
        <translation>按 Esc 关闭。你在笔记中写到的新术语会陆续加入。</translation>
    </message>
    <message>
        <source> · new</source>
        <translation> · 新</translation>
    </message>
    <message>
        <source>Space: show the answer · Ctrl+Z: undo the last grade · Esc: close</source>
        <translation>空格：显示答案 · Ctrl+Z：撤销上次评分 · Esc：关闭</translation>
    </message>
    <message>
        <source>1 Again · 2 Hard · 3 Good · 4 Easy · Ctrl+Z: undo · Esc: close</source>
        <translation>1 重来 · 2 困难 · 3 良好 · 4 简单 · Ctrl+Z：撤销 · Esc：关闭</translation>
    </message>
    <message>
        <source>Show this entry in the reader</source>
        <translation>在阅读区显示这个条目</translation>
    </message>
    <message>
        <source>Review terms</source>
        <translation>复习术语</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Export to Anki…</source>
        <translation>导出到 Anki…</translation>
    </message>
    <message>
        <source>Write your cards as an Anki deck (.apkg); exporting again updates it</source>
        <translation>把卡片写成 Anki 牌组（.apkg）；再次导出会更新它</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System default ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Evening &amp;target:</source>
        <translation>每晚目标时长(&amp;T)：</translation>
    </message>
    <message>
        <source>Daily &amp;goal for the streak:</source>
        <translation>计入连续天数的每日目标(&amp;G)：</translation>
    </message>
    <message>
        <source>Remind me &amp;at:</source>
        <translation>提醒时间(&amp;A)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Remind me in the evening if I have not started studying</source>
        <translation>晚上还没开始学习时提醒我(&amp;R)</translation>
    </message>
    <message>
        <source>Takes effect at once.</source>
        <translation>立即生效。</translation>
    </message>
    <message>
        <source>In the notes file&apos;s time zone.</source>
        <translation>按笔记文件的时区计算。</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>Edit term</source>
        <translation>编辑术语</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <source>English:</source>
        <translation>英文：</translation>
    </message>
    <message>
        <source>Chinese:</source>
        <translation>中文：</translation>
    </message>
    <message>
        <source>English aliases:</source>
        <translation>英文别名：</translation>
    </message>
    <message>
        <source>Chinese aliases:</source>
        <translation>中文别名：</translation>
    </message>
    <message>
        <source>Definition (English):</source>
        <translation>英文释义：</translation>
    </message>
    <message>
        <source>Definition (Chinese):</source>
        <translation>中文释义：</translation>
    </message>
    <message>
        <source>Source (https):</source>
        <translation>来源（https）：</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>用逗号分隔</translation>
    </message>
</context>
<context>
    <name>TimerWidget</name>
    <message>
        <source>A session interrupted by a crash was recovered up to its last checkpoint.</source>
        <translation>一次因崩溃中断的学习已恢复到最后一个检查点。</translation>
    </message>
    <message>
        <source>Session recovered</source>
        <translation>学习记录已恢复</translation>
    </message>
    <message>
        <source>Study log problem: {problem}</source>
        <translation>学习记录出现问题：{problem}</translation>
    </message>
    <message>
        <source>Study log problem</source>
        <translation>学习记录出现问题</translation>
    </message>
    <message>
        <source>Session logged: {time} studied.</source>
        <translation>已记录本次学习：{time}。</translation>
    </message>
    <message>
        <source>Logged {time}</source>
        <translation>已记录 {time}</translation>
    </message>
    <message>
        <source>Could not write the study log: {error}</source>
        <translation>无法写入学习记录：{error}</translation>
    </message>
    <message>
        <source>Log error</source>
        <translation>记录出错</translation>
    </message>
    <message>
        <source>Target reached</source>
        <translation>已达成目标</translation>
    </message>
    <message>
        <source>{minutes} minutes studied this evening. Well done!</source>
        <translation>今晚已学习 {minutes} 分钟，做得好！</translation>
    </message>
    <message>
        <source>Well done!</source>
        <translation>做得好！</translation>
    </message>
    <message>
        <source>Break: {minutes} minutes. Stand up and stretch.</source>
        <translation>休息 {minutes} 分钟，站起来活动一下。</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Break over: back to focus.</source>
        <translation>休息结束，继续专注。</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>专注</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>target {target}</source>
        <translation>目标 {target}</translation>
    </message>
    <message>
        <source>target {target} reached</source>
        <translation>已达成目标 {target}</translation>
    </message>
    <message>
        <source>{left} left of {target}</source>
        <translation>距目标 {target} 还剩 {left}</translation>
    </message>
    <message>
        <source>Break {left}</source>
        <translation>休息 {left}</translation>
    </message>
    <message>
        <source>Focus {left}</source>
        <translation>专注 {left}</translation>
    </message>
    <message>
        <source>StudyReader: paused at {active}</source>
        <translation>StudyReader：已暂停，学习了 {active}</translation>
    </message>
    <message>
        <source>StudyReader: studying, {active}</source>
        <translation>StudyReader：学习中，{active}</translation>
    </message>
    <message>
        <source>Stop the study timer and log the session ({shortcut})</source>
        <translation>停止学习计时并记录本次学习（{shortcut}）</translation>
    </message>
    <message>
        <source>Focus/break cycles</source>
        <translation>专注/休息循环</translation>
    </message>
    <message>
        <source>Alternate {focus} minutes of focus with {rest} minutes of break ({shortcut})</source>
        <translation>专注 {focus} 分钟与休息 {rest} 分钟交替进行（{shortcut}）</translation>
    </message>
    <message>
        <source>Start the timer</source>
        <translation>开始计时</translation>
    </message>
    <message>
        <source>Pause the timer</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Resume the timer</source>
        <translation>继续计时</translation>
    </message>
    <message>
        <source>Stop the timer</source>
        <translation>停止计时</translation>
    </message>
    <message>
        <source>Focus {focus}/{rest}</source>
        <translation>专注 {focus}/{rest}</translation>
    </message>
    <message>
        <source>Studied {active} this session (pauses and breaks excluded), {today} today; {elapsed} since the start; target {target}</source>
        <translation>本次已学习 {active}（不含暂停和休息），今天共 {today}；距开始已过 {elapsed}；目标 {target}</translation>
    </message>
</context>
</TS>
