<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur">
<context>
    <name>About</name>
    <message>
        <source>Saved games</source>
        <translation>محفوظ شدہ کھیل</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>لاگ فائل</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <source>Built-in scenarios</source>
        <translation>پہلے سے شامل منظرنامے</translation>
    </message>
    <message>
        <source>Your scenario folders</source>
        <translation>آپ کے منظرنامہ فولڈر</translation>
    </message>
    <message>
        <source>none (set one with --scenarios-dir)</source>
        <translation>کوئی نہیں (⁦--scenarios-dir⁩ سے ایک فولڈر مقرر کریں)</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>قواعد کی کتاب</translation>
    </message>
    <message>
        <source>About Layered Deterrence</source>
        <translation>پرت دار بازداری کے بارے میں</translation>
    </message>
    <message>
        <source>Layered Deterrence icon</source>
        <translation>پرت دار بازداری کا آئیکن</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Layered Deterrence {version}&lt;/h2&gt;&lt;p&gt;A strategic wargame of the Saudi–Pakistani Strategic Mutual Defence Agreement (September 2025) and Turkey&apos;s talks to join it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; {licence} (the full text is below).&lt;br&gt;&lt;b&gt;Map data:&lt;/b&gt; Made with Natural Earth — free vector and raster map data at naturalearthdata.com (public domain), 1:50m admin-0 country outlines.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;پرت دار بازداری {version}&lt;/h2&gt;&lt;p&gt;سعودی–پاکستانی اسٹریٹجک باہمی دفاعی معاہدے (ستمبر 2025) اور اس میں شمولیت کے لیے ترکی کے مذاکرات پر ایک اسٹریٹجک جنگی کھیل۔&lt;/p&gt;&lt;p&gt;&lt;b&gt;لائسنس:&lt;/b&gt; {licence} (مکمل متن نیچے ہے)۔&lt;br&gt;&lt;b&gt;نقشے کا ڈیٹا:&lt;/b&gt; Natural Earth کی مدد سے تیار کیا گیا — naturalearthdata.com پر مفت ویکٹر اور راسٹر نقشہ ڈیٹا (پبلک ڈومین)، 1:50m پیمانے پر admin-0 ملکی سرحدیں۔&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>لائسنس کا متن</translation>
    </message>
    <message>
        <source>&amp;About Layered Deterrence</source>
        <translation>&amp;پرت دار بازداری کے بارے میں</translation>
    </message>
    <message>
        <source>Version, licence, map credits and where the app keeps its files</source>
        <translation>ورژن، لائسنس، نقشے کے ماخذ، اور یہ کہ ایپ اپنی فائلیں کہاں رکھتی ہے</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not start the game</source>
        <translation>کھیل شروع نہیں ہو سکا</translation>
    </message>
    <message>
        <source>The game is open elsewhere</source>
        <translation>یہ کھیل کہیں اور کھلا ہوا ہے</translation>
    </message>
    <message>
        <source>Could not open the game</source>
        <translation>کھیل نہیں کھل سکا</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Pass the laptop to {seat}</source>
        <translation>لیپ ٹاپ {seat} کے حوالے کریں</translation>
    </message>
    <message>
        <source>{seat}: click when you are ready to play.</source>
        <translation>‏{seat}: کھیلنے کے لیے تیار ہوں تو کلک کریں۔</translation>
    </message>
    <message>
        <source>{previous}&apos;s private information is hidden.</source>
        <translation>‏{previous} کی نجی معلومات چھپا دی گئی ہیں۔</translation>
    </message>
    <message>
        <source>I am {seat} — show my seat</source>
        <translation>میں {seat} ہوں — میرا فریق دکھائیں</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>(est.)</source>
        <translation>(اندازہ)</translation>
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
        <translation>&lt;h3&gt;کھیلنے کا طریقہ&lt;/h3&gt;
&lt;p&gt;ہر باری ایک سہ ماہی ہے۔ &lt;b&gt;سفارت کاری&lt;/b&gt; میں آپ معاملات تجویز کرتے ہیں (معاہدے، قرض، اسلحے کی فروخت،
مشترکہ پیداوار، بندرگاہ تک رسائی…)، موصول ہونے والی تجاویز کا جواب دیتے ہیں اور حمایت کا اعلان کرتے ہیں؛ &lt;b&gt;سرمایہ کاری&lt;/b&gt; میں آپ
صلاحیت خریدتے ہیں، اپنے معاہدوں کے تحت مشترکہ مشقیں کرتے ہیں، اور واشنگٹن اپنی افواج کو حرکت دیتا ہے۔ پھر کوئی &lt;b&gt;بحران&lt;/b&gt;
کسی فریق کو آزما سکتا ہے: ہدف سے عہد رکھنے والا ہر فریق طے کرتا ہے کہ کیسے ردعمل دے۔ آزمائش میں
انضمام کی پرتوں کے ذریعے &lt;i&gt;حقیقی&lt;/i&gt; صلاحیت شمار ہوتی ہے؛ آزمائش کو جو چیز روکتی ہے وہ &lt;i&gt;تصوراتی&lt;/i&gt;
بازداری (ڈیٹرنس) ہے۔ دونوں کے درمیان فرق پر نظر رکھیں: یہی دکھاوے کا فرق ہے۔&lt;/p&gt;
&lt;p&gt;جب آپ کا فریق فارغ ہو جائے تو &lt;b&gt;مرحلہ ختم کریں&lt;/b&gt; پر کلک کریں۔ مدھم اقدامات بتاتے ہیں کہ وہ کیوں دستیاب نہیں۔
ایک کمپیوٹر پر کئی لوگ ہوں تو باری کی منتقلی کی اسکرین ہر فریق کے راز چھپاتی ہے۔&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shortcuts: Ctrl+P propose, Ctrl+E end phase,
Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+R respond to a crisis, Ctrl+1 map, Ctrl+2 network, Ctrl+0 fit the map, F11 full screen.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;In class:&lt;/b&gt; Ctrl+Shift+F enters facilitator mode (PIN if set): phase clock, crises, events,
rulings, notes. F5 opens the projector view (public information only; Esc leaves it).
Game → Debrief report… writes the after-action report.&lt;/p&gt;</source>
        <translation>&lt;p&gt;شارٹ کٹ: Ctrl+P معاملے کی تجویز، Ctrl+E مرحلہ ختم کریں،
Ctrl+Z کالعدم کریں، Ctrl+Shift+Z دوبارہ کریں، Ctrl+R بحران پر ردعمل، Ctrl+1 نقشہ، Ctrl+2 نیٹ ورک، Ctrl+0 پورا نقشہ، F11 فل اسکرین۔&lt;/p&gt;
&lt;p&gt;&lt;b&gt;کلاس میں:&lt;/b&gt; Ctrl+Shift+F سے نگرانِ کھیل موڈ کھلتا ہے (PIN مقرر ہو تو وہ پوچھا جاتا ہے): مرحلے کی گھڑی، بحران، واقعات،
ثالثی فیصلے، نوٹس۔ F5 پروجیکٹر منظر کھولتا ہے (صرف اعلانیہ معلومات؛ Esc سے باہر نکلیں)۔
کھیل ← جائزہ نشست کی رپورٹ… کارروائی کے بعد کی رپورٹ لکھتا ہے۔&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New game…</source>
        <translation>&amp;نیا کھیل…</translation>
    </message>
    <message>
        <source>&amp;Open saved game…</source>
        <translation>محفوظ کھیل &amp;کھولیں…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;بطور محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save a copy of this game to a new file and go on playing there</source>
        <translation>اس کھیل کی ایک نقل نئی فائل میں محفوظ کریں اور وہیں کھیل جاری رکھیں</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Propose a deal…</source>
        <translation>معاملے کی &amp;تجویز دیں…</translation>
    </message>
    <message>
        <source>&amp;End phase…</source>
        <translation>مرحلہ &amp;ختم کریں…</translation>
    </message>
    <message>
        <source>End your seat&apos;s phase (asks first: it cannot be undone)</source>
        <translation>اپنے فریق کا مرحلہ ختم کریں (پہلے پوچھا جاتا ہے: اسے کالعدم نہیں کیا جا سکتا)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;کالعدم کریں</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;دوبارہ کریں</translation>
    </message>
    <message>
        <source>&amp;Respond to the crisis…</source>
        <translation>بحران پر &amp;ردعمل دیں…</translation>
    </message>
    <message>
        <source>&amp;Pause computer players</source>
        <translation>کمپیوٹر کھلاڑی &amp;موقوف کریں</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;نقشہ</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>نیٹ &amp;ورک</translation>
    </message>
    <message>
        <source>&amp;Fit the map</source>
        <translation>&amp;پورا نقشہ دکھائیں</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;فل اسکرین</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;ترتیب بحال کریں</translation>
    </message>
    <message>
        <source>&amp;Large text (projector)</source>
        <translation>&amp;بڑا متن (پروجیکٹر)</translation>
    </message>
    <message>
        <source>Bigger text for a projector (charts follow at the next start)</source>
        <translation>پروجیکٹر کے لیے بڑا متن (چارٹ اگلی بار ایپ کھلنے پر بدلیں گے)</translation>
    </message>
    <message>
        <source>&amp;Adviser and how to play</source>
        <translation>&amp;مشیر اور کھیلنے کا طریقہ</translation>
    </message>
    <message>
        <source>&amp;Rulebook</source>
        <translation>&amp;قواعد کی کتاب</translation>
    </message>
    <message>
        <source>The rules in full, with contents and search</source>
        <translation>مکمل قواعد، فہرستِ مضامین اور تلاش کے ساتھ</translation>
    </message>
    <message>
        <source>Role &amp;briefs…</source>
        <translation>&amp;کردار کے خلاصے…</translation>
    </message>
    <message>
        <source>Each seat&apos;s role brief, to read or print (PDF)</source>
        <translation>ہر فریق کے کردار کا خلاصہ، پڑھنے یا پرنٹ کرنے کے لیے (PDF)</translation>
    </message>
    <message>
        <source>&amp;Game</source>
        <translation>&amp;کھیل</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;حالیہ کھیل</translation>
    </message>
    <message>
        <source>&amp;Turn</source>
        <translation>&amp;باری</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;منظر</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مد&amp;د</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>نیا کھیل</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>بطور محفوظ کریں</translation>
    </message>
    <message>
        <source>Propose a deal</source>
        <translation>معاملے کی تجویز</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>کالعدم</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>دوبارہ</translation>
    </message>
    <message>
        <source>End phase</source>
        <translation>مرحلہ ختم کریں</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>مرکزی ٹول بار</translation>
    </message>
    <message>
        <source>no game</source>
        <translation>کوئی کھیل نہیں</translation>
    </message>
    <message>
        <source>no crisis to respond to</source>
        <translation>ردعمل کے لیے کوئی بحران نہیں</translation>
    </message>
    <message>
        <source>the hand-over is not confirmed yet</source>
        <translation>باری کی منتقلی کی ابھی تصدیق نہیں ہوئی</translation>
    </message>
    <message>
        <source>no person plays a seat now</source>
        <translation>اس وقت کوئی شخص کسی فریق کی طرف سے نہیں کھیل رہا</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;کالعدم کریں: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;دوبارہ کریں: {action}</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>‏{action}: {reason}</translation>
    </message>
    <message>
        <source>{seat} ends its {phase} phase now.

This cannot be undone: {seat} can make no more moves until the next phase.</source>
        <translation>‏{seat} اب اپنا {phase} کا مرحلہ ختم کر رہا ہے۔

یہ کالعدم نہیں ہو سکتا: اگلے مرحلے تک {seat} مزید کوئی چال نہیں چل سکے گا۔</translation>
    </message>
    <message>
        <source>End the phase?</source>
        <translation>مرحلہ ختم کریں؟</translation>
    </message>
    <message>
        <source>Keep playing</source>
        <translation>کھیل جاری رکھیں</translation>
    </message>
    <message>
        <source>Text size changed; the charts follow when the app next starts</source>
        <translation>متن کا سائز بدل گیا؛ چارٹ اگلی بار ایپ کھلنے پر بدلیں گے</translation>
    </message>
    <message>
        <source>(no recent games)</source>
        <translation>(کوئی حالیہ کھیل نہیں)</translation>
    </message>
    <message>
        <source>Open a saved game</source>
        <translation>محفوظ کھیل کھولیں</translation>
    </message>
    <message>
        <source>Saved games (*.wargame);;All files (*)</source>
        <translation>محفوظ شدہ کھیل (*.wargame);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Save the game as</source>
        <translation>کھیل کو بطور محفوظ کریں</translation>
    </message>
    <message>
        <source>Saved games (*.wargame)</source>
        <translation>محفوظ شدہ کھیل (*.wargame)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>محفوظ نہیں ہو سکا</translation>
    </message>
    <message>
        <source>Saved as {path}; the game goes on in this file</source>
        <translation>‏⁦{path}⁩ کے طور پر محفوظ ہو گیا؛ کھیل اسی فائل میں جاری ہے</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drawing the network of commitments…</source>
        <translation>عہدوں کا نیٹ ورک بن رہا ہے…</translation>
    </message>
    <message>
        <source>Drawing the indicator charts…</source>
        <translation>اشاریوں کے چارٹ بن رہے ہیں…</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>نقشہ</translation>
    </message>
    <message>
        <source>Network of commitments</source>
        <translation>عہدوں کا نیٹ ورک</translation>
    </message>
    <message>
        <source>Your seat</source>
        <translation>آپ کا فریق</translation>
    </message>
    <message>
        <source>Indicators and scores</source>
        <translation>اشاریے اور اسکور</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>واقعات کا ریکارڈ</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>اسکور</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>چارٹ</translation>
    </message>
    <message>
        <source>Layered Deterrence — {file}</source>
        <translation>پرت دار بازداری — {file}</translation>
    </message>
    <message>
        <source>unsaved game</source>
        <translation>غیر محفوظ کھیل</translation>
    </message>
    <message>
        <source>{site}: hover for details</source>
        <translation>‏{site}: تفصیل کے لیے ماؤس اوپر لائیں</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>ممکن نہیں</translation>
    </message>
    <message>
        <source>Game changed elsewhere</source>
        <translation>کھیل کہیں اور بدل گیا</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>World events &amp; income</source>
        <translation>عالمی واقعات اور آمدن</translation>
    </message>
    <message>
        <source>Diplomacy</source>
        <translation>سفارت کاری</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>سرمایہ کاری</translation>
    </message>
    <message>
        <source>Crisis test</source>
        <translation>بحران کی آزمائش</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>world events</source>
        <translation>عالمی واقعات</translation>
    </message>
    <message>
        <source>diplomacy</source>
        <translation>سفارت کاری</translation>
    </message>
    <message>
        <source>investment</source>
        <translation>سرمایہ کاری</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>بحران</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>جانچ</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>Scores (estimated from public facts)</source>
        <translation>اسکور (اعلانیہ حقائق سے اندازہ)</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Re&amp;play a saved game…</source>
        <translation>محفوظ کھیل &amp;دوبارہ چلائیں…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view: bookmarks, branches, comparison</source>
        <translation>محفوظ کھیل یا کسی فریق کے منظر کو قدم بہ قدم دیکھیں: بُک مارک، شاخیں، موازنہ</translation>
    </message>
    <message>
        <source>Replay &amp;this game</source>
        <translation>&amp;یہ کھیل دوبارہ چلائیں</translation>
    </message>
    <message>
        <source>Open this game in the replay window (bookmark, branch from any point)</source>
        <translation>اس کھیل کو دوبارہ چلانے کی ونڈو میں کھولیں (بُک مارک لگائیں، کسی بھی مقام سے شاخ بنائیں)</translation>
    </message>
    <message>
        <source>&amp;Compare two games…</source>
        <translation>دو کھیلوں کا &amp;موازنہ…</translation>
    </message>
    <message>
        <source>A game and a branch of it side by side: indicators and the decisions that differ</source>
        <translation>ایک کھیل اور اس کی ایک شاخ ساتھ ساتھ: اشاریے اور وہ فیصلے جو مختلف ہیں</translation>
    </message>
    <message>
        <source>E&amp;xport seat view…</source>
        <translation>&amp;فریق کا منظر برآمد کریں…</translation>
    </message>
    <message>
        <source>Write one seat&apos;s replay: only what that seat saw, never the others&apos; secrets</source>
        <translation>ایک فریق کا ری پلے لکھیں: صرف وہی جو اس فریق نے دیکھا، دوسروں کے راز کبھی نہیں</translation>
    </message>
    <message>
        <source>Replay a saved game…</source>
        <translation>محفوظ کھیل دوبارہ چلائیں…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view, bookmark it, branch from any point</source>
        <translation>محفوظ کھیل یا کسی فریق کے منظر کو قدم بہ قدم دیکھیں، بُک مارک لگائیں، کسی بھی مقام سے شاخ بنائیں</translation>
    </message>
</context>
<context>
    <name>Scoreboard</name>
    <message>
        <source>(est.)</source>
        <translation>(اندازہ)</translation>
    </message>
    <message>
        <source>Your estimate: this seat&apos;s secret deals and private budget lines are not known to you.</source>
        <translation>آپ کا اندازہ: اس فریق کے خفیہ معاملات اور نجی بجٹ کی مدیں آپ کو معلوم نہیں۔</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>{quarter} · game over</source>
        <translation>‏⁦{quarter}⁩ · کھیل ختم</translation>
    </message>
    <message>
        <source>{quarter} (turn {turn}/{turns}) · {phase} · to move: {who}</source>
        <translation>‏⁦{quarter}⁩ (باری {turn}/{turns}) · {phase} · چال کی باری: {who}</translation>
    </message>
    <message>
        <source>{seat} is thinking…</source>
        <translation>‏{seat} سوچ رہا ہے…</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <source>&amp;What-if analysis…</source>
        <translation>&amp;ممکنہ نتائج کا تجزیہ…</translation>
    </message>
    <message>
        <source>Play many continuations of this game (or of the scenario) with computer players and compare the outcomes</source>
        <translation>اس کھیل (یا منظرنامے) کو کمپیوٹر کھلاڑیوں کے ساتھ کئی بار آگے کھیلیں اور نتائج کا موازنہ کریں</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;تجزیہ</translation>
    </message>
</context>
</TS>
