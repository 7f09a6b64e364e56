/* phrases.c - the phrase table and its matcher.
 *
 * A text is folded (lower case, punctuation and runs of spaces to one space,
 * a leading bullet dropped) into a short key, which is compared with the
 * table: WHOLE entries must be the entire key, PREFIX entries its start
 * followed by a word boundary.  Single words are WHOLE so that "Share
 * prices rose" stays prose while a lone "Share" goes. */
#include <string.h>
#include "lookup_tables.h"
#include "phrases.h"
#include "span.h"
#include "stoplist.h"
#include "utf8.h"

enum { WHOLE, PREFIX, PREFIX_LONG }; /* PREFIX_LONG: may open a text of any length */

typedef struct phrase {
    const char *key;     /* folded: lower case, single spaces, no punctuation */
    unsigned char len;
    unsigned char mode;
    unsigned char kind;
} phrase;

#define P(key, mode, kind) { (key), sizeof (key) - 1, (mode), (kind) }

static const phrase table[] = {
    /* comment section openers */
    P("leave a reply", PREFIX, PHRASE_COMMENTS),
    P("leave a comment", PREFIX, PHRASE_COMMENTS),
    P("leave your comment", PREFIX, PHRASE_COMMENTS),
    P("post a comment", PREFIX, PHRASE_COMMENTS),
    P("add your comment", PREFIX, PHRASE_COMMENTS),
    P("add a comment", PREFIX, PHRASE_COMMENTS),
    P("add new comment", PREFIX, PHRASE_COMMENTS),
    P("write a comment", PREFIX, PHRASE_COMMENTS),
    P("your email address will not be published", PREFIX, PHRASE_COMMENTS),
    P("your email will not be published", PREFIX, PHRASE_COMMENTS),
    P("required fields are marked", PREFIX, PHRASE_COMMENTS),
    P("you must be logged in to post a comment", PREFIX, PHRASE_COMMENTS),
    P("comments are closed", PREFIX, PHRASE_COMMENTS),
    P("comments are now closed", PREFIX, PHRASE_COMMENTS),
    P("no comments yet", PREFIX, PHRASE_COMMENTS),
    P("there are no comments", PREFIX, PHRASE_COMMENTS),
    P("be the first to comment", PREFIX, PHRASE_COMMENTS),
    /* counters in words: a post's meta line carries them too, so they are
     * dropped without opening the comment section */
    P("no comments", WHOLE, PHRASE_BOILER),
    P("one comment", WHOLE, PHRASE_BOILER),
    P("one response", WHOLE, PHRASE_BOILER),
    P("comments", WHOLE, PHRASE_COMMENTS),
    P("comment", WHOLE, PHRASE_COMMENTS),
    P("yorumlar", WHOLE, PHRASE_COMMENTS),
    P("σχόλια", WHOLE, PHRASE_COMMENTS),
    P("التعليقات", WHOLE, PHRASE_COMMENTS),
    P("نظرات", WHOLE, PHRASE_COMMENTS),
    P("תגובות", WHOLE, PHRASE_COMMENTS),
    P("टिप्पणियाँ", WHOLE, PHRASE_COMMENTS),
    P("댓글", WHOLE, PHRASE_COMMENTS),
    P("bình luận", WHOLE, PHRASE_COMMENTS),
    P("коментари", WHOLE, PHRASE_COMMENTS),
    P("komentari", WHOLE, PHRASE_COMMENTS),
    P("komentarji", WHOLE, PHRASE_COMMENTS),
    P("komentarai", WHOLE, PHRASE_COMMENTS),
    P("komentāri", WHOLE, PHRASE_COMMENTS),
    P("kommentaarid", WHOLE, PHRASE_COMMENTS),
    P("comentaris", WHOLE, PHRASE_COMMENTS),
    P("评论", WHOLE, PHRASE_COMMENTS),
    P("評論", WHOLE, PHRASE_COMMENTS),
    P("コメント", WHOLE, PHRASE_COMMENTS),
    P("коментарі", WHOLE, PHRASE_COMMENTS),
    P("komentarze", WHOLE, PHRASE_COMMENTS),
    P("komentáře", WHOLE, PHRASE_COMMENTS),
    P("kommentare", WHOLE, PHRASE_COMMENTS),
    P("commentaires", WHOLE, PHRASE_COMMENTS),
    P("commenti", WHOLE, PHRASE_COMMENTS),
    P("comentarios", WHOLE, PHRASE_COMMENTS),
    P("comentários", WHOLE, PHRASE_COMMENTS),
    P("комментарии", WHOLE, PHRASE_COMMENTS),
    P("reacties", WHOLE, PHRASE_COMMENTS),
    P("kommentarer", WHOLE, PHRASE_COMMENTS),
    P("kommentit", WHOLE, PHRASE_COMMENTS),
    P("comentarii", WHOLE, PHRASE_COMMENTS),
    P("hozzászólások", WHOLE, PHRASE_COMMENTS),
    P("reader comments", PREFIX, PHRASE_COMMENTS),
    P("show comments", PREFIX, PHRASE_COMMENTS),
    P("view comments", PREFIX, PHRASE_COMMENTS),
    P("view all comments", PREFIX, PHRASE_COMMENTS),
    P("join the discussion", PREFIX, PHRASE_COMMENTS),
    P("join the conversation", PREFIX, PHRASE_COMMENTS),
    P("deja una respuesta", PREFIX, PHRASE_COMMENTS),
    P("deja un comentario", PREFIX, PHRASE_COMMENTS),
    P("laisser un commentaire", PREFIX, PHRASE_COMMENTS),
    P("laissez un commentaire", PREFIX, PHRASE_COMMENTS),
    P("schreibe einen kommentar", PREFIX, PHRASE_COMMENTS),
    P("kommentar schreiben", PREFIX, PHRASE_COMMENTS),
    P("lascia un commento", PREFIX, PHRASE_COMMENTS),
    P("deixe um comentário", PREFIX, PHRASE_COMMENTS),
    P("deixe uma resposta", PREFIX, PHRASE_COMMENTS),
    P("оставить комментарий", PREFIX, PHRASE_COMMENTS),
    P("добавить комментарий", PREFIX, PHRASE_COMMENTS),
    P("zostaw komentarz", PREFIX, PHRASE_COMMENTS),
    P("dodaj komentarz", PREFIX, PHRASE_COMMENTS),
    P("hozzászólás", PREFIX, PHRASE_COMMENTS),
    P("geef een reactie", PREFIX, PHRASE_COMMENTS),
    P("laat een reactie achter", PREFIX, PHRASE_COMMENTS),
    P("lascia una risposta", PREFIX, PHRASE_COMMENTS),
    P("laisser une réponse", PREFIX, PHRASE_COMMENTS),
    P("hinterlasse einen kommentar", PREFIX, PHRASE_COMMENTS),
    P("оставьте комментарий", PREFIX, PHRASE_COMMENTS),
    P("залишити коментар", PREFIX, PHRASE_COMMENTS),
    P("додати коментар", PREFIX, PHRASE_COMMENTS),
    P("přidat komentář", PREFIX, PHRASE_COMMENTS),
    P("napsat komentář", PREFIX, PHRASE_COMMENTS),
    P("pridať komentár", PREFIX, PHRASE_COMMENTS),
    P("szólj hozzá", PREFIX, PHRASE_COMMENTS),
    P("lämna en kommentar", PREFIX, PHRASE_COMMENTS),
    P("skriv en kommentar", PREFIX, PHRASE_COMMENTS),
    P("efterlad en kommentar", PREFIX, PHRASE_COMMENTS),
    P("legg igjen en kommentar", PREFIX, PHRASE_COMMENTS),
    P("jätä kommentti", PREFIX, PHRASE_COMMENTS),
    P("kirjoita kommentti", PREFIX, PHRASE_COMMENTS),
    P("lasă un comentariu", PREFIX, PHRASE_COMMENTS),
    P("adaugă un comentariu", PREFIX, PHRASE_COMMENTS),
    P("yorum yap", PREFIX, PHRASE_COMMENTS),
    P("yorum yaz", PREFIX, PHRASE_COMMENTS),
    P("αφήστε ένα σχόλιο", PREFIX, PHRASE_COMMENTS),
    P("tinggalkan balasan", PREFIX, PHRASE_COMMENTS),
    P("tinggalkan komentar", PREFIX, PHRASE_COMMENTS),
    P("اترك تعليقا", PREFIX, PHRASE_COMMENTS),
    P("اترك تعليقاً", PREFIX, PHRASE_COMMENTS),
    P("أضف تعليق", PREFIX, PHRASE_COMMENTS),
    P("ارسال دیدگاه", PREFIX, PHRASE_COMMENTS),
    P("دیدگاهتان را بنویسید", PREFIX, PHRASE_COMMENTS),
    P("כתיבת תגובה", PREFIX, PHRASE_COMMENTS),
    P("הוספת תגובה", PREFIX, PHRASE_COMMENTS),
    P("एक उत्तर छोड़ें", PREFIX, PHRASE_COMMENTS),
    P("टिप्पणी करें", PREFIX, PHRASE_COMMENTS),
    P("মন্তব্য করুন", PREFIX, PHRASE_COMMENTS),
    P("댓글 쓰기", PREFIX, PHRASE_COMMENTS),
    P("댓글 달기", PREFIX, PHRASE_COMMENTS),
    P("để lại một bình luận", PREFIX, PHRASE_COMMENTS),
    P("viết bình luận", PREFIX, PHRASE_COMMENTS),
    P("gửi bình luận", PREFIX, PHRASE_COMMENTS),
    P("оставете коментар", PREFIX, PHRASE_COMMENTS),
    P("ostavite komentar", PREFIX, PHRASE_COMMENTS),
    P("dodaj komentar", PREFIX, PHRASE_COMMENTS),
    P("palikite komentarą", PREFIX, PHRASE_COMMENTS),
    P("atstāt komentāru", PREFIX, PHRASE_COMMENTS),
    P("lisa kommentaar", PREFIX, PHRASE_COMMENTS),
    P("deixa un comentari", PREFIX, PHRASE_COMMENTS),
    P("deixa una resposta", PREFIX, PHRASE_COMMENTS),
    P("mag iwan ng komento", PREFIX, PHRASE_COMMENTS),
    P("acha maoni", PREFIX, PHRASE_COMMENTS),
    P("发表评论", PREFIX, PHRASE_COMMENTS),
    P("發表評論", PREFIX, PHRASE_COMMENTS),
    P("网友评论", PREFIX, PHRASE_COMMENTS),
    P("コメントを残す", PREFIX, PHRASE_COMMENTS),
    P("コメントする", PREFIX, PHRASE_COMMENTS),
    P("แสดงความคิดเห็น", PREFIX, PHRASE_COMMENTS),

    /* links to other articles */
    P("see also", PREFIX, PHRASE_RELATED),
    P("read also", PREFIX, PHRASE_RELATED),
    P("also read", PREFIX, PHRASE_RELATED),
    P("read more", PREFIX, PHRASE_RELATED),
    P("related", PREFIX, PHRASE_RELATED),
    P("recommended", PREFIX, PHRASE_RELATED),
    P("you may also like", PREFIX, PHRASE_RELATED),
    P("you might also like", PREFIX, PHRASE_RELATED),
    P("you may like", PREFIX, PHRASE_RELATED),
    P("you may be interested in", PREFIX, PHRASE_RELATED),
    P("more from", PREFIX, PHRASE_RELATED),
    P("more stories", PREFIX, PHRASE_RELATED),
    P("more on this", PREFIX, PHRASE_RELATED),
    P("most popular", PREFIX, PHRASE_RELATED),
    P("most read", PREFIX, PHRASE_RELATED),
    P("most viewed", PREFIX, PHRASE_RELATED),
    P("don't miss", PREFIX, PHRASE_RELATED),
    P("dont miss", PREFIX, PHRASE_RELATED),
    P("sponsored", PREFIX, PHRASE_RELATED),
    P("advertisement", PREFIX, PHRASE_RELATED),
    P("trending", WHOLE, PHRASE_RELATED),
    P("lee también", PREFIX, PHRASE_RELATED),
    P("lea también", PREFIX, PHRASE_RELATED),
    P("à lire aussi", PREFIX, PHRASE_RELATED),
    P("a lire aussi", PREFIX, PHRASE_RELATED),
    P("lire aussi", PREFIX, PHRASE_RELATED),
    P("voir aussi", PREFIX, PHRASE_RELATED),
    P("lesen sie auch", PREFIX, PHRASE_RELATED),
    P("mehr zum thema", PREFIX, PHRASE_RELATED),
    P("leggi anche", PREFIX, PHRASE_RELATED),
    P("leia também", PREFIX, PHRASE_RELATED),
    P("veja também", PREFIX, PHRASE_RELATED),
    P("читайте также", PREFIX, PHRASE_RELATED),
    P("смотрите также", PREFIX, PHRASE_RELATED),
    P("lásd még", PREFIX, PHRASE_RELATED),
    P("zobacz także", PREFIX, PHRASE_RELATED),
    P("czytaj także", PREFIX, PHRASE_RELATED),
    P("lees ook", PREFIX, PHRASE_RELATED),
    P("関連記事", PREFIX, PHRASE_RELATED),
    P("相关文章", PREFIX, PHRASE_RELATED),
    P("相關文章", PREFIX, PHRASE_RELATED),
    P("potrebbe interessarti", PREFIX, PHRASE_RELATED),
    P("articoli correlati", PREFIX, PHRASE_RELATED),
    P("articles similaires", PREFIX, PHRASE_RELATED),
    P("sur le même sujet", PREFIX, PHRASE_RELATED),
    P("das könnte sie auch interessieren", PREFIX, PHRASE_RELATED),
    P("weitere artikel", PREFIX, PHRASE_RELATED),
    P("noticias relacionadas", PREFIX, PHRASE_RELATED),
    P("te puede interesar", PREFIX, PHRASE_RELATED),
    P("también te puede interesar", PREFIX, PHRASE_RELATED),
    P("leia mais", PREFIX, PHRASE_RELATED),
    P("notícias relacionadas", PREFIX, PHRASE_RELATED),
    P("по теме", PREFIX, PHRASE_RELATED),
    P("похожие статьи", PREFIX, PHRASE_RELATED),
    P("читайте також", PREFIX, PHRASE_RELATED),
    P("дивіться також", PREFIX, PHRASE_RELATED),
    P("czytaj więcej", PREFIX, PHRASE_RELATED),
    P("zobacz też", PREFIX, PHRASE_RELATED),
    P("czytaj też", PREFIX, PHRASE_RELATED),
    P("čtěte také", PREFIX, PHRASE_RELATED),
    P("související články", PREFIX, PHRASE_RELATED),
    P("mohlo by vás zajímat", PREFIX, PHRASE_RELATED),
    P("čítajte aj", PREFIX, PHRASE_RELATED),
    P("súvisiace články", PREFIX, PHRASE_RELATED),
    P("kapcsolódó cikkek", PREFIX, PHRASE_RELATED),
    P("lees meer", PREFIX, PHRASE_RELATED),
    P("gerelateerde artikelen", PREFIX, PHRASE_RELATED),
    P("läs också", PREFIX, PHRASE_RELATED),
    P("läs även", PREFIX, PHRASE_RELATED),
    P("relaterade artiklar", PREFIX, PHRASE_RELATED),
    P("læs også", PREFIX, PHRASE_RELATED),
    P("relaterede artikler", PREFIX, PHRASE_RELATED),
    P("les også", PREFIX, PHRASE_RELATED),
    P("relaterte artikler", PREFIX, PHRASE_RELATED),
    P("lue myös", PREFIX, PHRASE_RELATED),
    P("aiheesta lisää", PREFIX, PHRASE_RELATED),
    P("citește și", PREFIX, PHRASE_RELATED),
    P("citeste si", PREFIX, PHRASE_RELATED),
    P("articole similare", PREFIX, PHRASE_RELATED),
    P("ilgili haberler", PREFIX, PHRASE_RELATED),
    P("bunlar da ilginizi çekebilir", PREFIX, PHRASE_RELATED),
    P("ayrıca okuyun", PREFIX, PHRASE_RELATED),
    P("διαβάστε επίσης", PREFIX, PHRASE_RELATED),
    P("σχετικά άρθρα", PREFIX, PHRASE_RELATED),
    P("baca juga", PREFIX, PHRASE_RELATED),
    P("berita terkait", PREFIX, PHRASE_RELATED),
    P("artikel terkait", PREFIX, PHRASE_RELATED),
    P("اقرأ أيضا", PREFIX, PHRASE_RELATED),
    P("اقرأ أيضاً", PREFIX, PHRASE_RELATED),
    P("مقالات ذات صلة", PREFIX, PHRASE_RELATED),
    P("أخبار ذات صلة", PREFIX, PHRASE_RELATED),
    P("بیشتر بخوانید", PREFIX, PHRASE_RELATED),
    P("مطالب مرتبط", PREFIX, PHRASE_RELATED),
    P("اخبار مرتبط", PREFIX, PHRASE_RELATED),
    P("כתבות נוספות", PREFIX, PHRASE_RELATED),
    P("קראו עוד", PREFIX, PHRASE_RELATED),
    P("עוד בנושא", PREFIX, PHRASE_RELATED),
    P("यह भी पढ़ें", PREFIX, PHRASE_RELATED),
    P("संबंधित खबरें", PREFIX, PHRASE_RELATED),
    P("আরও পড়ুন", PREFIX, PHRASE_RELATED),
    P("আরো পড়ুন", PREFIX, PHRASE_RELATED),
    P("সম্পর্কিত খবর", PREFIX, PHRASE_RELATED),
    P("관련기사", PREFIX, PHRASE_RELATED),
    P("관련 기사", PREFIX, PHRASE_RELATED),
    P("xem thêm", PREFIX, PHRASE_RELATED),
    P("tin liên quan", PREFIX, PHRASE_RELATED),
    P("bài viết liên quan", PREFIX, PHRASE_RELATED),
    P("đọc thêm", PREFIX, PHRASE_RELATED),
    P("прочетете още", PREFIX, PHRASE_RELATED),
    P("още по темата", PREFIX, PHRASE_RELATED),
    P("свързани статии", PREFIX, PHRASE_RELATED),
    P("pročitajte još", PREFIX, PHRASE_RELATED),
    P("pročitajte i", PREFIX, PHRASE_RELATED),
    P("povezani članci", PREFIX, PHRASE_RELATED),
    P("preberite še", PREFIX, PHRASE_RELATED),
    P("sorodni članki", PREFIX, PHRASE_RELATED),
    P("taip pat skaitykite", PREFIX, PHRASE_RELATED),
    P("susiję straipsniai", PREFIX, PHRASE_RELATED),
    P("lasi arī", PREFIX, PHRASE_RELATED),
    P("saistītie raksti", PREFIX, PHRASE_RELATED),
    P("loe ka", PREFIX, PHRASE_RELATED),
    P("seotud artiklid", PREFIX, PHRASE_RELATED),
    P("llegeix també", PREFIX, PHRASE_RELATED),
    P("notícies relacionades", PREFIX, PHRASE_RELATED),
    P("basahin din", PREFIX, PHRASE_RELATED),
    P("kaugnay na balita", PREFIX, PHRASE_RELATED),
    P("soma pia", PREFIX, PHRASE_RELATED),
    P("habari zinazohusiana", PREFIX, PHRASE_RELATED),
    P("相关阅读", PREFIX, PHRASE_RELATED),
    P("相關閱讀", PREFIX, PHRASE_RELATED),
    P("延伸阅读", PREFIX, PHRASE_RELATED),
    P("延伸閱讀", PREFIX, PHRASE_RELATED),
    P("推荐阅读", PREFIX, PHRASE_RELATED),
    P("相关新闻", PREFIX, PHRASE_RELATED),
    P("相關新聞", PREFIX, PHRASE_RELATED),
    P("あわせて読みたい", PREFIX, PHRASE_RELATED),
    P("おすすめ記事", PREFIX, PHRASE_RELATED),
    P("関連ニュース", PREFIX, PHRASE_RELATED),
    P("อ่านเพิ่มเติม", PREFIX, PHRASE_RELATED),
    P("ข่าวที่เกี่ยวข้อง", PREFIX, PHRASE_RELATED),
    P("บทความที่เกี่ยวข้อง", PREFIX, PHRASE_RELATED),

    /* share, follow, subscribe, cookies, legal, navigation */
    P("share this", PREFIX, PHRASE_BOILER),
    P("share on", PREFIX, PHRASE_BOILER),
    P("share via", PREFIX, PHRASE_BOILER),
    P("share article", PREFIX, PHRASE_BOILER),
    P("share the article", PREFIX, PHRASE_BOILER),
    P("share story", PREFIX, PHRASE_BOILER),
    P("follow us", PREFIX, PHRASE_BOILER),
    P("like us on", PREFIX, PHRASE_BOILER),
    P("subscribe to", PREFIX, PHRASE_BOILER),
    P("subscribe now", PREFIX, PHRASE_BOILER),
    P("sign up for", PREFIX, PHRASE_BOILER),
    P("sign up to", PREFIX, PHRASE_BOILER),
    P("get our newsletter", PREFIX, PHRASE_BOILER),
    P("newsletter", PREFIX, PHRASE_BOILER),
    P("we use cookies", PREFIX, PHRASE_BOILER),
    P("this site uses cookies", PREFIX, PHRASE_BOILER),
    P("this website uses cookies", PREFIX, PHRASE_BOILER),
    P("by continuing to use", PREFIX, PHRASE_BOILER),
    P("utilizamos cookies", PREFIX, PHRASE_BOILER),
    P("usamos cookies", PREFIX, PHRASE_BOILER),
    P("nous utilisons des cookies", PREFIX, PHRASE_BOILER),
    P("ce site utilise des cookies", PREFIX, PHRASE_BOILER),
    P("wir verwenden cookies", PREFIX, PHRASE_BOILER),
    P("diese website verwendet cookies", PREFIX, PHRASE_BOILER),
    P("utilizziamo i cookie", PREFIX, PHRASE_BOILER),
    P("questo sito utilizza cookie", PREFIX, PHRASE_BOILER),
    P("este site utiliza cookies", PREFIX, PHRASE_BOILER),
    P("мы используем cookie", PREFIX, PHRASE_BOILER),
    P("używamy plików cookie", PREFIX, PHRASE_BOILER),
    P("wij gebruiken cookies", PREFIX, PHRASE_BOILER),
    P("deze website gebruikt cookies", PREFIX, PHRASE_BOILER),
    P("vi använder cookies", PREFIX, PHRASE_BOILER),
    P("vi bruger cookies", PREFIX, PHRASE_BOILER),
    P("vi bruker informasjonskapsler", PREFIX, PHRASE_BOILER),
    P("käytämme evästeitä", PREFIX, PHRASE_BOILER),
    P("folosim cookie uri", PREFIX, PHRASE_BOILER),
    P("χρησιμοποιούμε cookies", PREFIX, PHRASE_BOILER),
    P("kami menggunakan cookie", PREFIX, PHRASE_BOILER),
    P("používáme cookies", PREFIX, PHRASE_BOILER),
    P("používame cookies", PREFIX, PHRASE_BOILER),
    P("todos los derechos reservados", PREFIX, PHRASE_BOILER),
    P("tous droits réservés", PREFIX, PHRASE_BOILER),
    P("alle rechte vorbehalten", PREFIX, PHRASE_BOILER),
    P("tutti i diritti riservati", PREFIX, PHRASE_BOILER),
    P("todos os direitos reservados", PREFIX, PHRASE_BOILER),
    P("все права защищены", PREFIX, PHRASE_BOILER),
    P("wszelkie prawa zastrzeżone", PREFIX, PHRASE_BOILER),
    P("alle rechten voorbehouden", PREFIX, PHRASE_BOILER),
    P("alla rättigheter förbehållna", PREFIX, PHRASE_BOILER),
    P("alle rettigheder forbeholdes", PREFIX, PHRASE_BOILER),
    P("alle rettigheter reservert", PREFIX, PHRASE_BOILER),
    P("kaikki oikeudet pidätetään", PREFIX, PHRASE_BOILER),
    P("toate drepturile rezervate", PREFIX, PHRASE_BOILER),
    P("tüm hakları saklıdır", PREFIX, PHRASE_BOILER),
    P("hak cipta dilindungi", PREFIX, PHRASE_BOILER),
    P("všechna práva vyhrazena", PREFIX, PHRASE_BOILER),
    P("všetky práva vyhradené", PREFIX, PHRASE_BOILER),
    P("minden jog fenntartva", PREFIX, PHRASE_BOILER),
    P("جميع الحقوق محفوظة", PREFIX, PHRASE_BOILER),
    P("کلیه حقوق", PREFIX, PHRASE_BOILER),
    P("تمامی حقوق", PREFIX, PHRASE_BOILER),
    P("כל הזכויות שמורות", PREFIX, PHRASE_BOILER),
    P("सर्वाधिकार सुरक्षित", PREFIX, PHRASE_BOILER),
    P("সর্বস্বত্ব সংরক্ষিত", PREFIX, PHRASE_BOILER),
    P("무단 전재", PREFIX, PHRASE_BOILER),
    P("무단전재", PREFIX, PHRASE_BOILER),
    P("всички права запазени", PREFIX, PHRASE_BOILER),
    P("sva prava pridržana", PREFIX, PHRASE_BOILER),
    P("vse pravice pridržane", PREFIX, PHRASE_BOILER),
    P("visos teisės saugomos", PREFIX, PHRASE_BOILER),
    P("visas tiesības aizsargātas", PREFIX, PHRASE_BOILER),
    P("kõik õigused kaitstud", PREFIX, PHRASE_BOILER),
    P("tots els drets reservats", PREFIX, PHRASE_BOILER),
    P("版权所有", PREFIX, PHRASE_BOILER),
    P("版權所有", PREFIX, PHRASE_BOILER),
    P("สงวนลิขสิทธิ์", PREFIX, PHRASE_BOILER),
    P("всі права захищені", PREFIX, PHRASE_BOILER),
    P("haki zote zimehifadhiwa", PREFIX, PHRASE_BOILER),
    P("follow us on", PREFIX, PHRASE_BOILER),
    P("join us on", PREFIX, PHRASE_BOILER),
    P("síguenos en", PREFIX, PHRASE_BOILER),
    P("suivez nous", PREFIX, PHRASE_BOILER),
    P("folgen sie uns", PREFIX, PHRASE_BOILER),
    P("seguici su", PREFIX, PHRASE_BOILER),
    P("siga nos", PREFIX, PHRASE_BOILER),
    P("privacy policy", PREFIX, PHRASE_BOILER),
    P("terms of use", PREFIX, PHRASE_BOILER),
    P("terms of service", PREFIX, PHRASE_BOILER),
    P("terms and conditions", PREFIX, PHRASE_BOILER),
    P("all rights reserved", PREFIX, PHRASE_BOILER),
    P("copyright", PREFIX, PHRASE_BOILER),
    P("tags", PREFIX, PHRASE_BOILER),
    P("tagged", PREFIX, PHRASE_BOILER),
    P("filed under", PREFIX, PHRASE_BOILER),
    P("posted in", PREFIX, PHRASE_BOILER),
    /* a blog engine's post footer, boilerplate however long it runs */
    P("this entry was posted", PREFIX_LONG, PHRASE_BOILER),
    P("you can follow any responses", PREFIX_LONG, PHRASE_BOILER),
    /* ... its trackback list's heading and its comment feed link */
    P("listed below are links to weblogs", PREFIX, PHRASE_BOILER),
    P("rss feed for comments on this post", PREFIX, PHRASE_BOILER),
    P("categories", PREFIX, PHRASE_BOILER),
    P("previous article", PREFIX, PHRASE_BOILER),
    P("next article", PREFIX, PHRASE_BOILER),
    P("previous post", PREFIX, PHRASE_BOILER),
    P("next post", PREFIX, PHRASE_BOILER),
    P("previous story", PREFIX, PHRASE_BOILER),
    P("next story", PREFIX, PHRASE_BOILER),
    P("skip to content", PREFIX, PHRASE_BOILER),
    P("skip to main content", PREFIX, PHRASE_BOILER),
    P("skip to navigation", PREFIX, PHRASE_BOILER),
    P("skip to main", PREFIX, PHRASE_BOILER),
    P("skip to sidebar", PREFIX, PHRASE_BOILER),
    P("skip to primary", PREFIX, PHRASE_BOILER),
    P("skip to secondary", PREFIX, PHRASE_BOILER),
    P("trackback url", PREFIX, PHRASE_BOILER),
    P("please enter a valid email", PREFIX, PHRASE_BOILER),
    P("please enter your email", PREFIX, PHRASE_BOILER),
    P("send to a friend", PREFIX, PHRASE_BOILER),
    /* the messages of sign-in, subscribe and share-by-mail forms */
    P("forgot your password", PREFIX, PHRASE_BOILER),
    P("forgot your username", PREFIX, PHRASE_BOILER),
    P("forgot password", PREFIX, PHRASE_BOILER),
    P("log in with", PREFIX, PHRASE_BOILER),
    P("enter your email", PREFIX, PHRASE_BOILER),
    P("receive email alerts", PREFIX, PHRASE_BOILER),
    P("get email alerts", PREFIX, PHRASE_BOILER),
    P("get free e mail alerts", PREFIX, PHRASE_BOILER),
    P("get free email alerts", PREFIX, PHRASE_BOILER),
    P("please check your inbox", PREFIX, PHRASE_BOILER),
    P("please check your email", PREFIX, PHRASE_BOILER),
    P("an error occurred please try again", PREFIX, PHRASE_BOILER),
    P("an error occured please try again", PREFIX, PHRASE_BOILER),
    P("sorry your blog cannot share posts by email", PREFIX, PHRASE_BOILER),
    P("post was not sent", PREFIX, PHRASE_BOILER),
    P("an account already exists", PREFIX, PHRASE_BOILER),
    P("email thisblogthis", PREFIX, PHRASE_BOILER),
    P("powered by", PREFIX, PHRASE_BOILER),
    P("connect with us", WHOLE, PHRASE_BOILER),
    P("email this", WHOLE, PHRASE_BOILER),
    P("like this", WHOLE, PHRASE_BOILER),
    P("jump to", PREFIX, PHRASE_BOILER),
    P("back to top", PREFIX, PHRASE_BOILER),
    P("click here", PREFIX, PHRASE_BOILER),
    P("log in", WHOLE, PHRASE_BOILER),
    P("login", WHOLE, PHRASE_BOILER),
    P("sign in", WHOLE, PHRASE_BOILER),
    P("register", WHOLE, PHRASE_BOILER),
    P("search", WHOLE, PHRASE_BOILER),
    P("menu", WHOLE, PHRASE_BOILER),
    P("home", WHOLE, PHRASE_BOILER),
    P("print", WHOLE, PHRASE_BOILER),
    P("email", WHOLE, PHRASE_BOILER),
    P("share", WHOLE, PHRASE_BOILER),
    P("tweet", WHOLE, PHRASE_BOILER),
    P("loading", WHOLE, PHRASE_BOILER),
    P("advertisement", WHOLE, PHRASE_BOILER),
    P("partager", WHOLE, PHRASE_BOILER),
    P("teilen", WHOLE, PHRASE_BOILER),
    P("compartir", WHOLE, PHRASE_BOILER),
    P("condividi", WHOLE, PHRASE_BOILER),
    P("compartilhar", WHOLE, PHRASE_BOILER),
    P("поделиться", WHOLE, PHRASE_BOILER),
    P("udostępnij", WHOLE, PHRASE_BOILER),
    P("sdílet", WHOLE, PHRASE_BOILER),
    P("zdieľať", WHOLE, PHRASE_BOILER),
    P("megosztás", WHOLE, PHRASE_BOILER),
    P("delen", WHOLE, PHRASE_BOILER),
    P("dela", WHOLE, PHRASE_BOILER),
    P("jaa", WHOLE, PHRASE_BOILER),
    P("distribuie", WHOLE, PHRASE_BOILER),
    P("paylaş", WHOLE, PHRASE_BOILER),
    P("κοινοποίηση", WHOLE, PHRASE_BOILER),
    P("bagikan", WHOLE, PHRASE_BOILER),
    P("مشاركة", WHOLE, PHRASE_BOILER),
    P("اشتراک گذاری", WHOLE, PHRASE_BOILER),
    P("שתף", WHOLE, PHRASE_BOILER),
    P("शेयर करें", WHOLE, PHRASE_BOILER),
    P("শেয়ার করুন", WHOLE, PHRASE_BOILER),
    P("공유", WHOLE, PHRASE_BOILER),
    P("공유하기", WHOLE, PHRASE_BOILER),
    P("chia sẻ", WHOLE, PHRASE_BOILER),
    P("сподели", WHOLE, PHRASE_BOILER),
    P("споделете", WHOLE, PHRASE_BOILER),
    P("podijeli", WHOLE, PHRASE_BOILER),
    P("deli", WHOLE, PHRASE_BOILER),
    P("dalintis", WHOLE, PHRASE_BOILER),
    P("dalīties", WHOLE, PHRASE_BOILER),
    P("jaga", WHOLE, PHRASE_BOILER),
    P("comparteix", WHOLE, PHRASE_BOILER),
    P("ibahagi", WHOLE, PHRASE_BOILER),
    P("shiriki", WHOLE, PHRASE_BOILER),
    P("分享", WHOLE, PHRASE_BOILER),
    P("シェア", WHOLE, PHRASE_BOILER),
    P("แชร์", WHOLE, PHRASE_BOILER),
    P("поділитися", WHOLE, PHRASE_BOILER),
};

/* Words of a share row: "Share 0 Tweet 0 Pin 0 Email". */
#define W(word) { (word), sizeof (word) - 1 }
static const struct { const char *word; size_t len; } share_words[] = {
    W("share"), W("shares"), W("tweet"), W("tweets"), W("pin"), W("email"),
    W("e mail"), W("mail"), W("print"), W("like"), W("likes"), W("facebook"),
    W("twitter"), W("linkedin"), W("pinterest"), W("reddit"), W("whatsapp"),
    W("telegram"), W("tumblr"), W("google"), W("digg"), W("flipboard"),
    W("pocket"), W("comment"), W("comments"), W("save"), W("copy"), W("link"),
    W("sms"), W("stumbleupon"), W("buffer"), W("messenger"), W("x"),
};

/* Words after a number that make a comment counter: "12 Comments". */
static const char *const count_words[] = {
    "comments", "comment", "responses", "response", "replies", "thoughts on",
    "reactions", "kommentare", "commentaires", "comentarios", "commenti",
    "comentários", "комментариев", "комментария", "комментарий",
    "komentarzy", "komentáře", "komentářů", "hozzászólás", "reacties", "kommentarer",
    "kommentit", "comentarii", "yorum", "σχόλια", "komentar", "تعليقات", "تعليق",
    "תגובות", "टिप्पणियाँ", "মন্তব্য", "댓글", "bình luận", "коментари", "komentara",
    "komentarjev", "komentarai", "komentāri", "kommentaari", "comentaris", "komento",
    "коментарів", "коментарі", "件のコメント",
};

enum {
    WHOLE_SHIFT = 0,       /* 2 bits: phrase_kind of a WHOLE entry */
    PREFIX_SHIFT = 2,      /* 2 bits: phrase_kind of a PREFIX entry */
    SHARE_WORD = 1u << 4,
    COUNT_WORD = 1u << 5,
    FIRST_WORD = 1u << 6,  /* keyed by the word hash of stoplist.h */
    LONG_PREFIX = 1u << 7, /* the PREFIX entry may open a long text */
    WORD_PREFIX = 1u << 8  /* the first words of an entry, or all of them */
};

struct phrases {
    size_t mask;
    /* slot i is pairs[2i], the hash of a folded phrase or word (0 =
     * empty), and pairs[2i + 1], its kinds: a lookup that finds a key
     * reads one cache line, where a table of keys and another of kinds
     * missed twice */
    const uint64_t *pairs;
    /* bit h >> PHRASES_FILTER_SHIFT is set for each key h: lookups of
     * words no entry has are turned away by the filter (2 KiB) before a
     * probe of the slots (64 KiB); with the pairs, 1 to 4% less time
     * in text mode, where either alone was lost in the noise (README,
     * issue 20) */
    const uint64_t *filter;
    uint64_t *own_pairs;   /* phrases_build: pairs and filter, else NULL */
    uint64_t *own_filter;
};

static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}
#define HASH_INIT 0xcbf29ce484222325ull

static void put(phrases *p, uint64_t h, unsigned bits)
{
    h += h == 0;
    size_t i = (size_t)h & p->mask;
    while (p->own_pairs[2 * i] != 0 && p->own_pairs[2 * i] != h)
        i = (i + 1) & p->mask;
    p->own_pairs[2 * i] = h;
    p->own_pairs[2 * i + 1] |= bits;
    p->own_filter[(h >> PHRASES_FILTER_SHIFT) / 64] |= 1ull << (h >> PHRASES_FILTER_SHIFT) % 64;
}

/* The first word of a folded phrase, hashed as block_features hashes words. */
static uint64_t first_word_hash(const char *key, size_t len)
{
    uint64_t h = WORD_HASH_INIT;
    for (size_t i = 0; i < len && key[i] != ' '; i++)
        h = word_hash_step(h, (unsigned char)key[i]);
    return word_hash_final(h) ^ 0x5a5a5a5a5a5a5a5aull;   /* apart from phrase keys */
}

/* keys the first words of PREFIX_LONG entries apart from all first words */
#define LONG_SALT 0x0f0f0f0f0f0f0f0full

#define KEY_MAX 96     /* folded bytes looked at */
#define WORDS_MAX 16

/* The text folded for matching: lower case, apostrophes as ', every run of
 * other non-word characters as one space, no space at either end. */
typedef struct key {
    char s[KEY_MAX];
    size_t len;
    int complete;          /* the whole text fitted */
    int dead;              /* folding stopped: no entry can match the text */
    unsigned words;
    size_t ends[WORDS_MAX];  /* end of each word */
    /* phrases_match: the table its words are looked up in as they come,
     * NULL once a match is possible or not worth watching for */
    const phrases *watch;
    uint64_t hash;         /* of the first `hashed` bytes, as phrases_match hashes them */
    size_t hashed;
    int prefix_dead;       /* phrases_match's prefix loop stops at a word seen */
    int share_dead;        /* a word seen is no share row's */
    int counter;           /* a number first: a counter's words may follow */
    uint64_t count_hash;   /* of the words after it, as is_comment_count hashes them */
} key;

static void fold(const phrases *watch, const char *text, size_t len, key *k);

/* Marks every run of an entry's first words, as phrases_match hashes
 * them: a text whose first words are none of these can match no entry
 * further on, and the matcher stops there. */
static void put_word_prefixes(phrases *p, const key *k)
{
    unsigned words = k->words < WORDS_MAX ? k->words : WORDS_MAX;
    for (unsigned w = 0; w < words && k->ends[w] <= k->len; w++)
        put(p, hash_bytes(HASH_INIT, k->s, k->ends[w]), WORD_PREFIX);
    put(p, hash_bytes(HASH_INIT, k->s, k->len), WORD_PREFIX);
}

static unsigned get(const phrases *p, uint64_t h)
{
    h += h == 0;
    if (!(p->filter[(h >> PHRASES_FILTER_SHIFT) / 64] >> (h >> PHRASES_FILTER_SHIFT) % 64 & 1))
        return 0;
    for (size_t i = (size_t)h & p->mask;; i = (i + 1) & p->mask) {
        if (p->pairs[2 * i] == h)
            return (unsigned)p->pairs[2 * i + 1];
        if (p->pairs[2 * i] == 0)
            return 0;
    }
}

phrases *phrases_new(const mem *m)
{
    phrases *p = mem_calloc(m, 1, sizeof *p);
    if (!p)
        return NULL;
    p->mask = lookup_phrase_slots - 1;
    p->pairs = lookup_phrase_pairs;
    p->filter = lookup_phrase_filter;
    return p;
}

size_t phrases_table(const phrases *p, const uint64_t **pairs, const uint64_t **filter)
{
    *pairs = p->pairs;
    *filter = p->filter;
    return p->mask + 1;
}

phrases *phrases_build(const mem *m)
{
    phrases *p = mem_calloc(m, 1, sizeof *p);
    if (!p)
        return NULL;
    size_t slots = 4096;   /* some 1400 keys: under half full */
    p->mask = slots - 1;
    p->own_pairs = mem_calloc(m, 2 * slots, sizeof *p->own_pairs);
    p->own_filter = mem_calloc(m, PHRASES_FILTER_WORDS, sizeof *p->own_filter);
    if (!p->own_pairs || !p->own_filter) {
        phrases_free(p, m);
        return NULL;
    }
    p->pairs = p->own_pairs;
    p->filter = p->own_filter;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        /* entries are written folded, but folded once more as a text is
         * (final sigma, say, folds to sigma), so their hash is the key's */
        key k;
        fold(NULL, table[i].key, table[i].len, &k);
        unsigned shift = table[i].mode == WHOLE ? WHOLE_SHIFT : PREFIX_SHIFT;
        uint64_t h = hash_bytes(HASH_INIT, k.s, k.len);
        if (((get(p, h) >> shift) & 3) == 0)
            put(p, h, ((unsigned)table[i].kind << shift) |
                          (table[i].mode == PREFIX_LONG ? LONG_PREFIX : 0u));
        put(p, first_word_hash(k.s, k.len), FIRST_WORD);
        put_word_prefixes(p, &k);
        if (table[i].mode == PREFIX_LONG)
            put(p, first_word_hash(k.s, k.len) ^ LONG_SALT, FIRST_WORD);
    }
    for (size_t i = 0; i < sizeof share_words / sizeof *share_words; i++) {
        put(p, hash_bytes(HASH_INIT, share_words[i].word, share_words[i].len), SHARE_WORD);
        put(p, first_word_hash(share_words[i].word, share_words[i].len), FIRST_WORD);
    }
    for (size_t i = 0; i < sizeof count_words / sizeof *count_words; i++)
        put(p, hash_bytes(HASH_INIT, count_words[i], strlen(count_words[i])), COUNT_WORD);
    return p;
}

int phrases_may_start(const phrases *p, uint64_t first_word_hash_)
{
    return (get(p, first_word_hash_ ^ 0x5a5a5a5a5a5a5a5aull) & FIRST_WORD) != 0;
}

int phrases_may_start_long(const phrases *p, uint64_t first_word_hash_)
{
    return (get(p, first_word_hash_ ^ 0x5a5a5a5a5a5a5a5aull ^ LONG_SALT) & FIRST_WORD) != 0;
}

void phrases_free(phrases *p, const mem *m)
{
    if (!p)
        return;
    mem_free(m, p->own_pairs);
    mem_free(m, p->own_filter);
    mem_free(m, p);
}


/* A word of the key ends at *n: its end is noted and a space written
 * after it; 0 when the space does not fit (the key is full). */
static int end_word(key *k, size_t *n)
{
    if (k->words < WORDS_MAX)
        k->ends[k->words] = *n;
    k->words++;
    if (*n + 1 > KEY_MAX)
        return 0;
    k->s[(*n)++] = ' ';
    return 1;
}

/* A word starts after k->words whole ones: 1 when what is known already
 * makes phrases_match answer PHRASE_NONE whatever follows, so the rest of
 * a long text need not be folded.  Its prefix loop has stopped (a run of
 * first words no entry has, and no PREFIX entry matched on the way), no
 * word so far fits a share row, and no comment counter can be made: the
 * first word is no number, or neither the second word nor the second and
 * third are a counter's (is_comment_count); when in doubt, 0. */
static int past_every_entry(key *k)
{
    unsigned w = k->words - 1;
    if (w >= WORDS_MAX) {
        k->watch = NULL;
        return 0;
    }
    size_t end = k->ends[w];
    if (w == 0) {
        k->counter = utf8_ascii_digits(k->s, end);
    } else if (k->counter) {
        size_t from = w == 1 ? k->ends[0] + 1 : k->ends[1];
        k->count_hash = hash_bytes(w == 1 ? HASH_INIT : k->count_hash, k->s + from, end - from);
        if (get(k->watch, k->count_hash) & COUNT_WORD) {
            k->watch = NULL;   /* a counter if the text ends soon */
            return 0;
        }
        k->counter = w == 1;
    }
    if (!k->prefix_dead) {
        k->hash = hash_bytes(k->hash, k->s + k->hashed, end - k->hashed);
        k->hashed = end;
        unsigned v = get(k->watch, k->hash);
        if ((v >> PREFIX_SHIFT) & 3) {
            k->watch = NULL;   /* its answer depends on the rest */
            return 0;
        }
        k->prefix_dead = !(v & WORD_PREFIX);
    }
    if (!k->share_dead) {
        size_t start = w ? k->ends[w - 1] + 1 : 0;
        k->share_dead = !utf8_ascii_digits(k->s + start, end - start) &&
                        !(get(k->watch, hash_bytes(HASH_INIT, k->s + start, end - start)) &
                          SHARE_WORD);
    }
    return k->prefix_dead && k->share_dead && !k->counter;
}

static void fold(const phrases *watch, const char *text, size_t len, key *k)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0;
    int space = 1;
    k->words = 0;
    k->complete = 0;
    k->dead = 0;
    k->watch = watch;
    k->hash = HASH_INIT;
    k->hashed = 0;
    k->prefix_dead = 0;
    k->share_dead = 0;
    k->counter = 0;
    while (i < len) {
        uint32_t cp = s[i];
        if (cp < 0x80 && cp != '\'') {
            /* ASCII: no decoding, no encoding */
            unsigned char v = utf8_ascii_word[cp];
            if (v) {
                if (n == KEY_MAX)
                    break;
                if (space && k->words && k->watch && past_every_entry(k)) {
                    k->dead = 1;
                    return;
                }
                /* the run of word characters at once, as far as it fits */
                size_t stop = i + (KEY_MAX - n) < len ? i + (KEY_MAX - n) : len;
                do {
                    k->s[n++] = (char)v;
                    i++;
                } while (i < stop && (v = utf8_ascii_word[s[i]]) != 0);
                space = 0;
                continue;
            }
            if (!space) {
                if (!end_word(k, &n))
                    break;
                space = 1;
            }
            i++;
            /* the padding of text dumps can run long: past it at once */
            if (i < len && s[i] == ' ')
                i += span_byte(s + i, len - i, ' ');
            continue;
        }
        size_t step = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        char enc[4];
        size_t m = 0;
        if (cp == '\'' || cp == 0x2019)
            enc[0] = '\'', m = 1;
        else if (utf8_is_word(cp))
            m = utf8_encode(utf8_fold(cp), enc);
        if (m) {
            if (n + m > KEY_MAX)
                break;
            if (space && k->words && k->watch && past_every_entry(k)) {
                k->dead = 1;
                return;
            }
            memcpy(k->s + n, enc, m);
            n += m;
            space = 0;
        } else if (!space) {
            if (!end_word(k, &n))
                break;
            space = 1;
        }
        i += step;
    }
    if (i >= len) {
        k->complete = 1;
        if (!space) {
            if (k->words < WORDS_MAX)
                k->ends[k->words] = n;
            k->words++;
        } else if (n > 0) {
            n--;
        }
    }
    k->len = n;
}

static int is_share_row(const phrases *p, const key *k)
{
    if (!k->complete || k->words < 2 || k->words > WORDS_MAX)
        return 0;
    size_t start = 0;
    for (unsigned w = 0; w < k->words; w++) {
        size_t end = k->ends[w];
        if (!utf8_ascii_digits(k->s + start, end - start) &&
            !(get(p, hash_bytes(HASH_INIT, k->s + start, end - start)) & SHARE_WORD))
            return 0;
        start = end + 1;
    }
    return 1;
}

/* "5. Response codes", "3) Replies": a numbered item, not a counter.
 * Only '*', '-' and blanks may come first (bullet.h says why the sets of
 * marks differ). */
static int numbered_item(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '*' || s[i] == '-'))
        i++;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > d && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

static int is_comment_count(const phrases *p, const key *k)
{
    if (!k->complete || k->words < 2 || k->words > WORDS_MAX ||
        !utf8_ascii_digits(k->s, k->ends[0]))
        return 0;
    size_t start = k->ends[0] + 1;
    uint64_t h = HASH_INIT;
    for (unsigned w = 1; w < k->words && w <= 2; w++) {
        h = hash_bytes(h, k->s + (w == 1 ? start : k->ends[w - 1]),
                       k->ends[w] - (w == 1 ? start : k->ends[w - 1]));
        if (get(p, h) & COUNT_WORD)
            return 1;
    }
    return 0;
}

phrase_kind phrases_match(const phrases *p, const char *text, size_t len)
{
    key k;
    fold(p, text, len, &k);
    if (k.dead || k.len == 0)
        return PHRASE_NONE;
    if (is_comment_count(p, &k) && !numbered_item(text, len))
        return PHRASE_COMMENTS;
    if (is_share_row(p, &k))
        return PHRASE_BOILER;
    /* the shortest matching prefix wins, then a whole match */
    unsigned words = k.words < WORDS_MAX ? k.words : WORDS_MAX;
    size_t start = 0;
    uint64_t h = HASH_INIT;
    for (unsigned w = 0; w < words; w++) {
        size_t end = k.ends[w];
        if (end > k.len)
            break;
        h = hash_bytes(h, k.s + start, end - start);
        unsigned v = get(p, h);
        unsigned pk = (v >> PREFIX_SHIFT) & 3;
        /* a long text may only open with a related-link marker or a
         * post footer's template */
        if (pk && (k.complete || pk == PHRASE_RELATED || (v & LONG_PREFIX)))
            return (phrase_kind)pk;
        if (w + 1 == k.words && k.complete && ((v >> WHOLE_SHIFT) & 3))
            return (phrase_kind)((v >> WHOLE_SHIFT) & 3);
        if (!(v & WORD_PREFIX))
            break;   /* no entry goes on from these words */
        start = end;
    }
    return PHRASE_NONE;
}
