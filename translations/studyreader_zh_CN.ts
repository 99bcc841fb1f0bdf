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
        <source>&amp;Edit Existing Entry</source>
        <translation>编辑已有条目(&amp;E)</translation>
    </message>
    <message>
        <source>Load the day's entry from the notes file and edit it in place (Ctrl+Shift+E)</source>
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
        <source>Write today's notes in Markdown. Ctrl+S saves them into the notes file.</source>
        <translation>用 Markdown 写今天的笔记。按 Ctrl+S 保存到笔记文件。</translation>
    </message>
    <message>
        <source>The formatted entry appears here as you type.</source>
        <translation>输入时，排版后的条目会显示在这里。</translation>
    </message>
    <message>
        <source>The English translation appears here a moment after you stop typing.</source>
        <translation>停止输入片刻后，英文译文会显示在这里。</translation>
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
        <source>Recovered unsaved text for the entry of {date} (draft of {time}).</source>
        <translation>已恢复 {date} 条目中未保存的内容（草稿时间 {time}）。</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字</numerusform></translation>
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
    <message numerus="yes">
        <source>Adds to the existing entry (%n character(s))</source>
        <translation>
            <numerusform>追加到已有条目（已有 %n 个字）</numerusform></translation>
    </message>
    <message>
        <source>{state} · not today's date</source>
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
        <source>The entry of {date} was changed in the notes file since you started editing it (perhaps by a git pull). Replace it with your version?</source>
        <translation>你开始编辑之后，笔记文件中 {date} 的条目被修改过（可能来自 git pull）。要用你的版本替换它吗？</translation>
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
        <source>{n} chars</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>done: counts for the programme</source>
        <translation>已完成：计入共学打卡</translation>
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
        <source>pending: today is not over</source>
        <translation>待定：今天还没结束</translation>
    </message>
    <message>
        <source>outside the programme</source>
        <translation>不在共学期内</translation>
    </message>
    <message>
        <source>{date}, line {line}: {state}</source>
        <translation>{date}，第 {line} 行：{state}</translation>
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
        <source>Minutes are counted in the calendar days of the notes file's time zone.</source>
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
        <source>Write today's entry</source>
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
        <source>Today's entry</source>
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
        <source>The entry editor is not available.</source>
        <translation>条目编辑器不可用。</translation>
    </message>
    <message>
        <source>Translation models</source>
        <translation>翻译模型</translation>
    </message>
    <message>
        <source>The habit view is not available.</source>
        <translation>学习习惯视图不可用。</translation>
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
        <source>Translation failed: {error}</source>
        <translation>翻译失败：{error}</translation>
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
        <source>Download the package from Argos Translate's index (Ctrl+D)</source>
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
        <source>Could not download the Chinese → English package: you seem to be offline. Download the .argosmodel file on a computer with internet access and install it here with “Install from File…”.</source>
        <translation>无法下载中译英模型包：电脑似乎没有联网。请在能上网的电脑上下载 .argosmodel 文件，再在这里用“从文件安装…”安装。</translation>
    </message>
    <message>
        <source>Download cancelled. Nothing was installed.</source>
        <translation>下载已取消，没有安装任何内容。</translation>
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
        <source>In the notes file's time zone.</source>
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
        <source>Studied {active} (pauses and breaks excluded); {elapsed} since the start; target {target}</source>
        <translation>已学习 {active}（不含暂停和休息）；距开始已过 {elapsed}；目标 {target}</translation>
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
        <source>Stop</source>
        <translation>停止</translation>
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
