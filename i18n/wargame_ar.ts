<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>About</name>
    <message>
        <source>Saved games</source>
        <translation>الألعاب المحفوظة</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>ملف السجل</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Built-in scenarios</source>
        <translation>السيناريوهات المدمجة</translation>
    </message>
    <message>
        <source>Your scenario folders</source>
        <translation>مجلدات السيناريوهات الخاصة بك</translation>
    </message>
    <message>
        <source>none (set one with --scenarios-dir)</source>
        <translation>لا يوجد (حدّد مجلدًا بالخيار ⁦--scenarios-dir⁩)</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>كتاب القواعد</translation>
    </message>
    <message>
        <source>About Layered Deterrence</source>
        <translation>حول «الردع متعدد الطبقات»</translation>
    </message>
    <message>
        <source>Layered Deterrence icon</source>
        <translation>أيقونة «الردع متعدد الطبقات»</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Layered Deterrence {version}&lt;/h2&gt;&lt;p&gt;A strategic wargame of the Saudi–Pakistani Strategic Mutual Defence Agreement (September 2025) and Turkey&apos;s talks to join it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; {licence} (the full text is below).&lt;br&gt;&lt;b&gt;Map data:&lt;/b&gt; Made with Natural Earth — free vector and raster map data at naturalearthdata.com (public domain), 1:50m admin-0 country outlines.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;الردع متعدد الطبقات {version}&lt;/h2&gt;&lt;p&gt;لعبة محاكاة حربية استراتيجية عن اتفاقية الدفاع الاستراتيجي المشترك بين السعودية وباكستان (سبتمبر 2025) ومحادثات تركيا للانضمام إليها.&lt;/p&gt;&lt;p&gt;&lt;b&gt;الترخيص:&lt;/b&gt; {licence} (النص الكامل أدناه).&lt;br&gt;&lt;b&gt;بيانات الخريطة:&lt;/b&gt; أُعدّت باستخدام Natural Earth — بيانات خرائط متجهية ونقطية مجانية على naturalearthdata.com (ملكية عامة)، حدود الدول admin-0 بمقياس 1:50m.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>نص الترخيص</translation>
    </message>
    <message>
        <source>&amp;About Layered Deterrence</source>
        <translation>&amp;حول «الردع متعدد الطبقات»</translation>
    </message>
    <message>
        <source>Version, licence, map credits and where the app keeps its files</source>
        <translation>الإصدار والترخيص ومصادر الخريطة والأماكن التي يحفظ فيها التطبيق ملفاته</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not start the game</source>
        <translation>تعذّر بدء اللعبة</translation>
    </message>
    <message>
        <source>The game is open elsewhere</source>
        <translation>اللعبة مفتوحة في مكان آخر</translation>
    </message>
    <message>
        <source>Could not open the game</source>
        <translation>تعذّر فتح اللعبة</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Pass the laptop to {seat}</source>
        <translation>سلّم الحاسوب المحمول إلى {seat}</translation>
    </message>
    <message>
        <source>{seat}: click when you are ready to play.</source>
        <translation>‏{seat}: انقر حين تكون مستعدًا للعب.</translation>
    </message>
    <message>
        <source>{previous}&apos;s private information is hidden.</source>
        <translation>أُخفيت المعلومات الخاصة بالطرف {previous}.</translation>
    </message>
    <message>
        <source>I am {seat} — show my seat</source>
        <translation>أنا {seat} — اعرض طرفي</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>(est.)</source>
        <translation>(تقدير)</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&lt;h3&gt;How to play&lt;/h3&gt;
&lt;p&gt;Each turn is a quarter. In &lt;b&gt;diplomacy&lt;/b&gt; you propose deals (pacts, loans, arms sales,
co-production, port access…), answer your inbox, declare support; in &lt;b&gt;investment&lt;/b&gt; you buy
capability, exercise your pacts, and Washington moves its forces. Then a &lt;b&gt;crisis&lt;/b&gt; may test
someone: every seat committed to the target chooses how to respond. What counts in a test is
&lt;i&gt;real&lt;/i&gt; capability through the integration layers; what deters a test is &lt;i&gt;perceived&lt;/i&gt;
deterrence. Watch the gap between them.&lt;/p&gt;
&lt;p&gt;Click &lt;b&gt;End phase&lt;/b&gt; when your seat is done. Greyed-out actions say why they are unavailable.
With several people at one computer, a hand-over screen hides each seat&apos;s secrets.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;طريقة اللعب&lt;/h3&gt;
&lt;p&gt;كل دور ربع سنة. في &lt;b&gt;الدبلوماسية&lt;/b&gt; تقترح الصفقات (مواثيق، قروض، صفقات سلاح،
إنتاج مشترك، الوصول إلى الموانئ…)، وتردّ على ما يصلك من عروض، وتعلن دعمك؛ وفي &lt;b&gt;الاستثمار&lt;/b&gt; تشتري
القدرات، وتُجري مناورات مشتركة في إطار مواثيقك، وتحرّك واشنطن قواتها. ثم قد تختبر &lt;b&gt;أزمة&lt;/b&gt;
أحد الأطراف: فيختار كل طرف ملتزم تجاه الطرف المستهدف كيف يستجيب. ما يُحسب في الاختبار هو القدرة
&lt;i&gt;الفعلية&lt;/i&gt; عبر طبقات التكامل؛ وما يمنع الاختبار أصلًا هو الردع &lt;i&gt;المُتصوَّر&lt;/i&gt;.
راقب الفجوة بينهما: فجوة التهويل.&lt;/p&gt;
&lt;p&gt;انقر &lt;b&gt;إنهاء المرحلة&lt;/b&gt; حين ينتهي طرفك. الإجراءات المعطّلة (الرمادية) تبيّن سبب تعذّرها.
وإذا اجتمع عدة أشخاص على حاسوب واحد، تُخفي شاشةُ تسليم الدور أسرارَ كل طرف.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shortcuts: Ctrl+P propose, Ctrl+E end phase,
Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+R respond to a crisis, Ctrl+1 map, Ctrl+2 network, Ctrl+0 fit the map, F11 full screen.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;In class:&lt;/b&gt; Ctrl+Shift+F enters facilitator mode (PIN if set): phase clock, crises, events,
rulings, notes. F5 opens the projector view (public information only; Esc leaves it).
Game → Debrief report… writes the after-action report.&lt;/p&gt;</source>
        <translation>&lt;p&gt;الاختصارات: Ctrl+P اقتراح صفقة، Ctrl+E إنهاء المرحلة،
Ctrl+Z تراجع، Ctrl+Shift+Z إعادة، Ctrl+R الاستجابة لأزمة، Ctrl+1 الخريطة، Ctrl+2 الشبكة، Ctrl+0 ملاءمة الخريطة، F11 ملء الشاشة.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;في الصف:&lt;/b&gt; يفتح Ctrl+Shift+F وضع الميسّر (برمز PIN إن كان مضبوطًا): ساعة المرحلة، الأزمات، الأحداث،
القرارات التحكيمية، الملاحظات. ويفتح F5 عرض جهاز العرض (المعلومات العلنية فقط؛ ويُغلق بالمفتاح Esc).
ويكتب «اللعبة ← تقرير جلسة استخلاص الدروس…» تقرير ما بعد الجلسة.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New game…</source>
        <translation>لعبة &amp;جديدة…</translation>
    </message>
    <message>
        <source>&amp;Open saved game…</source>
        <translation>&amp;فتح لعبة محفوظة…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>حفظ &amp;باسم…</translation>
    </message>
    <message>
        <source>Save a copy of this game to a new file and go on playing there</source>
        <translation>احفظ نسخة من هذه اللعبة في ملف جديد وتابع اللعب فيه</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Propose a deal…</source>
        <translation>اقتراح &amp;صفقة…</translation>
    </message>
    <message>
        <source>&amp;End phase…</source>
        <translation>إ&amp;نهاء المرحلة…</translation>
    </message>
    <message>
        <source>End your seat&apos;s phase (asks first: it cannot be undone)</source>
        <translation>أنهِ مرحلة طرفك (يُطلب التأكيد أولًا: لا يمكن التراجع عن ذلك)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Respond to the crisis…</source>
        <translation>الا&amp;ستجابة للأزمة…</translation>
    </message>
    <message>
        <source>&amp;Pause computer players</source>
        <translation>إيقاف اللاعبين الآليين مؤ&amp;قتًا</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>ال&amp;خريطة</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>الش&amp;بكة</translation>
    </message>
    <message>
        <source>&amp;Fit the map</source>
        <translation>&amp;ملاءمة الخريطة</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>ملء ال&amp;شاشة</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>إعادة تعيين ال&amp;تخطيط</translation>
    </message>
    <message>
        <source>&amp;Large text (projector)</source>
        <translation>نص &amp;كبير (لجهاز العرض)</translation>
    </message>
    <message>
        <source>Bigger text for a projector (charts follow at the next start)</source>
        <translation>نص أكبر لجهاز العرض (تتبعه الرسوم البيانية عند التشغيل التالي)</translation>
    </message>
    <message>
        <source>&amp;Adviser and how to play</source>
        <translation>ال&amp;مستشار وطريقة اللعب</translation>
    </message>
    <message>
        <source>&amp;Rulebook</source>
        <translation>كتاب ال&amp;قواعد</translation>
    </message>
    <message>
        <source>The rules in full, with contents and search</source>
        <translation>القواعد كاملة، مع فهرس للمحتويات وبحث</translation>
    </message>
    <message>
        <source>Role &amp;briefs…</source>
        <translation>موجزات الأ&amp;دوار…</translation>
    </message>
    <message>
        <source>Each seat&apos;s role brief, to read or print (PDF)</source>
        <translation>موجز الدور لكل طرف، للقراءة أو الطباعة (PDF)</translation>
    </message>
    <message>
        <source>&amp;Game</source>
        <translation>ال&amp;لعبة</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>الألعاب ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;Turn</source>
        <translation>ال&amp;دور</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>لعبة جديدة</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
    <message>
        <source>Propose a deal</source>
        <translation>اقتراح صفقة</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>End phase</source>
        <translation>إنهاء المرحلة</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>no game</source>
        <translation>لا توجد لعبة</translation>
    </message>
    <message>
        <source>no crisis to respond to</source>
        <translation>لا توجد أزمة للاستجابة لها</translation>
    </message>
    <message>
        <source>the hand-over is not confirmed yet</source>
        <translation>لم يُؤكَّد تسليم الدور بعد</translation>
    </message>
    <message>
        <source>no person plays a seat now</source>
        <translation>لا يلعب أي شخص طرفًا الآن</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>ت&amp;راجع عن {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>إ&amp;عادة {action}</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>‏{action}: {reason}</translation>
    </message>
    <message>
        <source>{seat} ends its {phase} phase now.

This cannot be undone: {seat} can make no more moves until the next phase.</source>
        <translation>سيُنهي الطرف {seat} مرحلة {phase} الآن.

لا يمكن التراجع عن ذلك: لن يستطيع الطرف {seat} القيام بأي حركة أخرى حتى المرحلة التالية.</translation>
    </message>
    <message>
        <source>End the phase?</source>
        <translation>إنهاء المرحلة؟</translation>
    </message>
    <message>
        <source>Keep playing</source>
        <translation>متابعة اللعب</translation>
    </message>
    <message>
        <source>Text size changed; the charts follow when the app next starts</source>
        <translation>تغيّر حجم النص؛ وستتبعه الرسوم البيانية عند تشغيل التطبيق في المرة القادمة</translation>
    </message>
    <message>
        <source>(no recent games)</source>
        <translation>(لا توجد ألعاب حديثة)</translation>
    </message>
    <message>
        <source>Open a saved game</source>
        <translation>فتح لعبة محفوظة</translation>
    </message>
    <message>
        <source>Saved games (*.wargame);;All files (*)</source>
        <translation>الألعاب المحفوظة (*.wargame);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Save the game as</source>
        <translation>حفظ اللعبة باسم</translation>
    </message>
    <message>
        <source>Saved games (*.wargame)</source>
        <translation>الألعاب المحفوظة (*.wargame)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <source>Saved as {path}; the game goes on in this file</source>
        <translation>حُفظت باسم ⁦{path}⁩؛ وتستمر اللعبة في هذا الملف</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drawing the network of commitments…</source>
        <translation>جارٍ رسم شبكة الالتزامات…</translation>
    </message>
    <message>
        <source>Drawing the indicator charts…</source>
        <translation>جارٍ رسم مخططات المؤشرات…</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <source>Network of commitments</source>
        <translation>شبكة الالتزامات</translation>
    </message>
    <message>
        <source>Your seat</source>
        <translation>طرفك</translation>
    </message>
    <message>
        <source>Indicators and scores</source>
        <translation>المؤشرات والنقاط</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>سجل الأحداث</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>النقاط</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <source>Layered Deterrence — {file}</source>
        <translation>الردع متعدد الطبقات — {file}</translation>
    </message>
    <message>
        <source>unsaved game</source>
        <translation>لعبة غير محفوظة</translation>
    </message>
    <message>
        <source>{site}: hover for details</source>
        <translation>‏{site}: مرّر المؤشر فوقه لعرض التفاصيل</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>غير ممكن</translation>
    </message>
    <message>
        <source>Game changed elsewhere</source>
        <translation>تغيّرت اللعبة في مكان آخر</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>World events &amp; income</source>
        <translation>الأحداث العالمية والدخل</translation>
    </message>
    <message>
        <source>Diplomacy</source>
        <translation>الدبلوماسية</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>الاستثمار</translation>
    </message>
    <message>
        <source>Crisis test</source>
        <translation>اختبار الأزمة</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <source>world events</source>
        <translation>الأحداث العالمية</translation>
    </message>
    <message>
        <source>diplomacy</source>
        <translation>الدبلوماسية</translation>
    </message>
    <message>
        <source>investment</source>
        <translation>الاستثمار</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>الأزمة</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>التقييم</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>Scores (estimated from public facts)</source>
        <translation>النقاط (تقدير من الوقائع العلنية)</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Re&amp;play a saved game…</source>
        <translation>إعادة &amp;عرض لعبة محفوظة…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view: bookmarks, branches, comparison</source>
        <translation>تصفّح لعبة محفوظة أو منظور أحد الأطراف خطوة بخطوة: إشارات مرجعية، وتفرّعات، ومقارنة</translation>
    </message>
    <message>
        <source>Replay &amp;this game</source>
        <translation>إعادة عرض &amp;هذه اللعبة</translation>
    </message>
    <message>
        <source>Open this game in the replay window (bookmark, branch from any point)</source>
        <translation>افتح هذه اللعبة في نافذة إعادة العرض (إشارات مرجعية، وتفرّع من أي نقطة)</translation>
    </message>
    <message>
        <source>&amp;Compare two games…</source>
        <translation>م&amp;قارنة لعبتين…</translation>
    </message>
    <message>
        <source>A game and a branch of it side by side: indicators and the decisions that differ</source>
        <translation>لعبة وفرع منها جنبًا إلى جنب: المؤشرات والقرارات التي تختلف بينهما</translation>
    </message>
    <message>
        <source>E&amp;xport seat view…</source>
        <translation>&amp;تصدير منظور طرف…</translation>
    </message>
    <message>
        <source>Write one seat&apos;s replay: only what that seat saw, never the others&apos; secrets</source>
        <translation>اكتب إعادة عرض لطرف واحد: ما رآه ذلك الطرف فقط، ولا شيء من أسرار الآخرين</translation>
    </message>
    <message>
        <source>Replay a saved game…</source>
        <translation>إعادة عرض لعبة محفوظة…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view, bookmark it, branch from any point</source>
        <translation>تصفّح لعبة محفوظة أو منظور أحد الأطراف خطوة بخطوة، وضع إشارات مرجعية، وتفرّع من أي نقطة</translation>
    </message>
</context>
<context>
    <name>Scoreboard</name>
    <message>
        <source>(est.)</source>
        <translation>(تقدير)</translation>
    </message>
    <message>
        <source>Your estimate: this seat&apos;s secret deals and private budget lines are not known to you.</source>
        <translation>تقديرك: صفقات هذا الطرف السرّية وبنود ميزانيته الخاصة غير معروفة لك.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>{quarter} · game over</source>
        <translation>‏⁦{quarter}⁩ · انتهت اللعبة</translation>
    </message>
    <message>
        <source>{quarter} (turn {turn}/{turns}) · {phase} · to move: {who}</source>
        <translation>‏⁦{quarter}⁩ (الدور {turn}/{turns}) · {phase} · يلعب الآن: {who}</translation>
    </message>
    <message>
        <source>{seat} is thinking…</source>
        <translation>‏{seat} يفكّر…</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <source>&amp;What-if analysis…</source>
        <translation>تحليل «&amp;ماذا لو»…</translation>
    </message>
    <message>
        <source>Play many continuations of this game (or of the scenario) with computer players and compare the outcomes</source>
        <translation>العب تتمّات كثيرة لهذه اللعبة (أو للسيناريو) بلاعبين آليين وقارن بين النتائج</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;تحليل</translation>
    </message>
</context>
</TS>
