<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
<context>
    <name>About</name>
    <message>
        <source>Saved games</source>
        <translation>Kayıtlı oyunlar</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Günlük dosyası</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>Built-in scenarios</source>
        <translation>Yerleşik senaryolar</translation>
    </message>
    <message>
        <source>Your scenario folders</source>
        <translation>Senaryo klasörleriniz</translation>
    </message>
    <message>
        <source>none (set one with --scenarios-dir)</source>
        <translation>yok (--scenarios-dir ile bir klasör belirleyin)</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>Kural kitabı</translation>
    </message>
    <message>
        <source>About Layered Deterrence</source>
        <translation>Katmanlı Caydırıcılık hakkında</translation>
    </message>
    <message>
        <source>Layered Deterrence icon</source>
        <translation>Katmanlı Caydırıcılık simgesi</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Layered Deterrence {version}&lt;/h2&gt;&lt;p&gt;A strategic wargame of the Saudi–Pakistani Strategic Mutual Defence Agreement (September 2025) and Turkey&apos;s talks to join it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; {licence} (the full text is below).&lt;br&gt;&lt;b&gt;Map data:&lt;/b&gt; Made with Natural Earth — free vector and raster map data at naturalearthdata.com (public domain), 1:50m admin-0 country outlines.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Katmanlı Caydırıcılık {version}&lt;/h2&gt;&lt;p&gt;Suudi Arabistan–Pakistan Stratejik Karşılıklı Savunma Anlaşması (Eylül 2025) ve Türkiye&apos;nin bu anlaşmaya katılım görüşmeleri üzerine stratejik bir savaş oyunu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lisans:&lt;/b&gt; {licence} (tam metni aşağıdadır).&lt;br&gt;&lt;b&gt;Harita verileri:&lt;/b&gt; Natural Earth ile hazırlanmıştır — naturalearthdata.com adresindeki ücretsiz vektör ve raster harita verileri (kamu malı), 1:50m ölçekli admin-0 ülke sınırları.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lisans metni</translation>
    </message>
    <message>
        <source>&amp;About Layered Deterrence</source>
        <translation>Katmanlı Caydırıcılık &amp;hakkında</translation>
    </message>
    <message>
        <source>Version, licence, map credits and where the app keeps its files</source>
        <translation>Sürüm, lisans, harita kaynakları ve uygulamanın dosyalarını nerede tuttuğu</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not start the game</source>
        <translation>Oyun başlatılamadı</translation>
    </message>
    <message>
        <source>The game is open elsewhere</source>
        <translation>Oyun başka bir yerde açık</translation>
    </message>
    <message>
        <source>Could not open the game</source>
        <translation>Oyun açılamadı</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Pass the laptop to {seat}</source>
        <translation>Dizüstü bilgisayarı {seat} tarafına verin</translation>
    </message>
    <message>
        <source>{seat}: click when you are ready to play.</source>
        <translation>{seat}: oynamaya hazır olduğunuzda tıklayın.</translation>
    </message>
    <message>
        <source>{previous}&apos;s private information is hidden.</source>
        <translation>{previous} tarafının özel bilgileri gizlendi.</translation>
    </message>
    <message>
        <source>I am {seat} — show my seat</source>
        <translation>Ben {seat} — tarafımı göster</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>(est.)</source>
        <translation>(tahmini)</translation>
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
        <translation>&lt;h3&gt;Nasıl oynanır&lt;/h3&gt;
&lt;p&gt;Her tur bir çeyrektir. &lt;b&gt;Diplomasi&lt;/b&gt; aşamasında anlaşmalar önerirsiniz (paktlar, krediler, silah satışları,
ortak üretim, liman erişimi…), gelen teklifleri yanıtlar, destek açıklarsınız; &lt;b&gt;yatırım&lt;/b&gt; aşamasında
kabiliyet satın alır, paktlarınızla ortak tatbikat yaparsınız; Washington da kuvvetlerini kaydırır. Ardından bir &lt;b&gt;kriz&lt;/b&gt;
birini sınayabilir: hedefe taahhüdü olan her taraf nasıl yanıt vereceğini seçer. Sınamada sayılan,
entegrasyon katmanları üzerinden gelen &lt;i&gt;gerçek&lt;/i&gt; kabiliyettir; sınamayı caydıran ise &lt;i&gt;algılanan&lt;/i&gt;
caydırıcılıktır. İkisi arasındaki farkı, yani blöf açığını izleyin.&lt;/p&gt;
&lt;p&gt;Tarafınızın işi bitince &lt;b&gt;Aşamayı bitir&lt;/b&gt; düğmesine tıklayın. Gri görünen eylemler neden kullanılamadıklarını söyler.
Birkaç kişi tek bilgisayarda oynuyorsa sıra devri ekranı her tarafın sırlarını gizler.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shortcuts: Ctrl+P propose, Ctrl+E end phase,
Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+R respond to a crisis, Ctrl+1 map, Ctrl+2 network, Ctrl+0 fit the map, F11 full screen.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;In class:&lt;/b&gt; Ctrl+Shift+F enters facilitator mode (PIN if set): phase clock, crises, events,
rulings, notes. F5 opens the projector view (public information only; Esc leaves it).
Game → Debrief report… writes the after-action report.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kısayollar: Ctrl+P anlaşma öner, Ctrl+E aşamayı bitir,
Ctrl+Z geri al, Ctrl+Shift+Z yinele, Ctrl+R krize yanıt ver, Ctrl+1 harita, Ctrl+2 ağ, Ctrl+0 haritayı sığdır, F11 tam ekran.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sınıfta:&lt;/b&gt; Ctrl+Shift+F ile oyun yöneticisi moduna geçilir (ayarlandıysa PIN sorulur): aşama saati, krizler, olaylar,
hakem kararları, notlar. F5 projeksiyon görünümünü açar (yalnızca açık bilgiler; Esc ile çıkılır).
Oyun → Değerlendirme oturumu raporu… eylem sonrası raporunu yazar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New game…</source>
        <translation>&amp;Yeni oyun…</translation>
    </message>
    <message>
        <source>&amp;Open saved game…</source>
        <translation>Kayıtlı oyunu &amp;aç…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı kaydet…</translation>
    </message>
    <message>
        <source>Save a copy of this game to a new file and go on playing there</source>
        <translation>Bu oyunun bir kopyasını yeni bir dosyaya kaydedin ve oyuna orada devam edin</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çıkış</translation>
    </message>
    <message>
        <source>&amp;Propose a deal…</source>
        <translation>Anlaşma &amp;öner…</translation>
    </message>
    <message>
        <source>&amp;End phase…</source>
        <translation>Aşamayı &amp;bitir…</translation>
    </message>
    <message>
        <source>End your seat&apos;s phase (asks first: it cannot be undone)</source>
        <translation>Tarafınızın aşamasını bitirin (önce onay ister: geri alınamaz)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Yi&amp;nele</translation>
    </message>
    <message>
        <source>&amp;Respond to the crisis…</source>
        <translation>Krize &amp;yanıt ver…</translation>
    </message>
    <message>
        <source>&amp;Pause computer players</source>
        <translation>Bilgisayar oyuncularını &amp;duraklat</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Harita</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Ağ</translation>
    </message>
    <message>
        <source>&amp;Fit the map</source>
        <translation>Haritayı &amp;sığdır</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Tam ekran</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Düzeni sı&amp;fırla</translation>
    </message>
    <message>
        <source>&amp;Large text (projector)</source>
        <translation>&amp;Büyük yazı (projeksiyon)</translation>
    </message>
    <message>
        <source>Bigger text for a projector (charts follow at the next start)</source>
        <translation>Projeksiyon için daha büyük yazı (grafikler bir sonraki açılışta uyar)</translation>
    </message>
    <message>
        <source>&amp;Adviser and how to play</source>
        <translation>&amp;Danışman ve nasıl oynanır</translation>
    </message>
    <message>
        <source>&amp;Rulebook</source>
        <translation>&amp;Kural kitabı</translation>
    </message>
    <message>
        <source>The rules in full, with contents and search</source>
        <translation>Kuralların tamamı, içindekiler ve arama ile</translation>
    </message>
    <message>
        <source>Role &amp;briefs…</source>
        <translation>&amp;Rol brifingleri…</translation>
    </message>
    <message>
        <source>Each seat&apos;s role brief, to read or print (PDF)</source>
        <translation>Her tarafın rol brifingi, okumak ya da yazdırmak için (PDF)</translation>
    </message>
    <message>
        <source>&amp;Game</source>
        <translation>&amp;Oyun</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Son oyunlar</translation>
    </message>
    <message>
        <source>&amp;Turn</source>
        <translation>&amp;Tur</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>Yeni oyun</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Farklı kaydet</translation>
    </message>
    <message>
        <source>Propose a deal</source>
        <translation>Anlaşma öner</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Yinele</translation>
    </message>
    <message>
        <source>End phase</source>
        <translation>Aşamayı bitir</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Ana araç çubuğu</translation>
    </message>
    <message>
        <source>no game</source>
        <translation>oyun yok</translation>
    </message>
    <message>
        <source>no crisis to respond to</source>
        <translation>yanıt verilecek kriz yok</translation>
    </message>
    <message>
        <source>the hand-over is not confirmed yet</source>
        <translation>sıra devri henüz onaylanmadı</translation>
    </message>
    <message>
        <source>no person plays a seat now</source>
        <translation>şu anda hiçbir tarafı bir kişi oynamıyor</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Geri al: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>Yi&amp;nele: {action}</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>{action}: {reason}</translation>
    </message>
    <message>
        <source>{seat} ends its {phase} phase now.

This cannot be undone: {seat} can make no more moves until the next phase.</source>
        <translation>{seat} tarafı {phase} aşamasını şimdi bitiriyor.

Bu geri alınamaz: {seat} tarafı bir sonraki aşamaya kadar başka hamle yapamaz.</translation>
    </message>
    <message>
        <source>End the phase?</source>
        <translation>Aşama bitirilsin mi?</translation>
    </message>
    <message>
        <source>Keep playing</source>
        <translation>Oynamaya devam et</translation>
    </message>
    <message>
        <source>Text size changed; the charts follow when the app next starts</source>
        <translation>Yazı boyutu değişti; grafikler uygulamanın bir sonraki açılışında uyacak</translation>
    </message>
    <message>
        <source>(no recent games)</source>
        <translation>(son oyun yok)</translation>
    </message>
    <message>
        <source>Open a saved game</source>
        <translation>Kayıtlı bir oyunu aç</translation>
    </message>
    <message>
        <source>Saved games (*.wargame);;All files (*)</source>
        <translation>Kayıtlı oyunlar (*.wargame);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Save the game as</source>
        <translation>Oyunu farklı kaydet</translation>
    </message>
    <message>
        <source>Saved games (*.wargame)</source>
        <translation>Kayıtlı oyunlar (*.wargame)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kaydedilemedi</translation>
    </message>
    <message>
        <source>Saved as {path}; the game goes on in this file</source>
        <translation>{path} olarak kaydedildi; oyun bu dosyada sürüyor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drawing the network of commitments…</source>
        <translation>Taahhüt ağı çiziliyor…</translation>
    </message>
    <message>
        <source>Drawing the indicator charts…</source>
        <translation>Gösterge grafikleri çiziliyor…</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Harita</translation>
    </message>
    <message>
        <source>Network of commitments</source>
        <translation>Taahhüt ağı</translation>
    </message>
    <message>
        <source>Your seat</source>
        <translation>Tarafınız</translation>
    </message>
    <message>
        <source>Indicators and scores</source>
        <translation>Göstergeler ve puanlar</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Olay günlüğü</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puanlar</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafikler</translation>
    </message>
    <message>
        <source>Layered Deterrence — {file}</source>
        <translation>Katmanlı Caydırıcılık — {file}</translation>
    </message>
    <message>
        <source>unsaved game</source>
        <translation>kaydedilmemiş oyun</translation>
    </message>
    <message>
        <source>{site}: hover for details</source>
        <translation>{site}: ayrıntılar için fareyle üzerine gelin</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Mümkün değil</translation>
    </message>
    <message>
        <source>Game changed elsewhere</source>
        <translation>Oyun başka bir yerde değişti</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>World events &amp; income</source>
        <translation>Dünya olayları ve gelir</translation>
    </message>
    <message>
        <source>Diplomacy</source>
        <translation>Diplomasi</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Yatırım</translation>
    </message>
    <message>
        <source>Crisis test</source>
        <translation>Kriz sınaması</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Durum tespiti</translation>
    </message>
    <message>
        <source>world events</source>
        <translation>dünya olayları</translation>
    </message>
    <message>
        <source>diplomacy</source>
        <translation>diplomasi</translation>
    </message>
    <message>
        <source>investment</source>
        <translation>yatırım</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>kriz</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>durum tespiti</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>Scores (estimated from public facts)</source>
        <translation>Puanlar (açık bilgilerden tahmin)</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Re&amp;play a saved game…</source>
        <translation>Kayıtlı oyunu &amp;tekrar oynat…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view: bookmarks, branches, comparison</source>
        <translation>Kayıtlı bir oyunda ya da bir tarafın görünümünde adım adım ilerleyin: yer imleri, dallar, karşılaştırma</translation>
    </message>
    <message>
        <source>Replay &amp;this game</source>
        <translation>&amp;Bu oyunu tekrar oynat</translation>
    </message>
    <message>
        <source>Open this game in the replay window (bookmark, branch from any point)</source>
        <translation>Bu oyunu tekrar oynatma penceresinde açın (yer imi koyun, herhangi bir noktadan dal açın)</translation>
    </message>
    <message>
        <source>&amp;Compare two games…</source>
        <translation>İki oyunu &amp;karşılaştır…</translation>
    </message>
    <message>
        <source>A game and a branch of it side by side: indicators and the decisions that differ</source>
        <translation>Bir oyun ve ondan açılmış bir dal yan yana: göstergeler ve farklı olan kararlar</translation>
    </message>
    <message>
        <source>E&amp;xport seat view…</source>
        <translation>Taraf görünümünü &amp;dışa aktar…</translation>
    </message>
    <message>
        <source>Write one seat&apos;s replay: only what that seat saw, never the others&apos; secrets</source>
        <translation>Tek bir tarafın tekrarını yazın: yalnızca o tarafın gördükleri, başkalarının sırları asla</translation>
    </message>
    <message>
        <source>Replay a saved game…</source>
        <translation>Kayıtlı oyunu tekrar oynat…</translation>
    </message>
    <message>
        <source>Step through a saved game or a seat&apos;s view, bookmark it, branch from any point</source>
        <translation>Kayıtlı bir oyunda ya da bir tarafın görünümünde adım adım ilerleyin, yer imi koyun, herhangi bir noktadan dal açın</translation>
    </message>
</context>
<context>
    <name>Scoreboard</name>
    <message>
        <source>(est.)</source>
        <translation>(tahmini)</translation>
    </message>
    <message>
        <source>Your estimate: this seat&apos;s secret deals and private budget lines are not known to you.</source>
        <translation>Sizin tahmininiz: bu tarafın gizli anlaşmalarını ve özel bütçe kalemlerini bilmiyorsunuz.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>{quarter} · game over</source>
        <translation>{quarter} · oyun bitti</translation>
    </message>
    <message>
        <source>{quarter} (turn {turn}/{turns}) · {phase} · to move: {who}</source>
        <translation>{quarter} (tur {turn}/{turns}) · {phase} · hamle sırası: {who}</translation>
    </message>
    <message>
        <source>{seat} is thinking…</source>
        <translation>{seat} düşünüyor…</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <source>&amp;What-if analysis…</source>
        <translation>&amp;Olasılık analizi…</translation>
    </message>
    <message>
        <source>Play many continuations of this game (or of the scenario) with computer players and compare the outcomes</source>
        <translation>Bu oyunun (ya da senaryonun) birçok devamını bilgisayar oyuncularıyla oynatın ve sonuçları karşılaştırın</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analiz</translation>
    </message>
</context>
</TS>
