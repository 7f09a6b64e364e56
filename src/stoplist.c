/* stoplist.c - function-word lists and the hash table built from them.
 *
 * The lists are the most frequent function words of each language
 * (articles, pronouns, prepositions, conjunctions, auxiliaries), written
 * for this project, lower case.  Density of these words is what separates
 * running prose from menus and link lists, in any language that has them. */
#include <string.h>
#include "stoplist.h"

static const char *const lang_codes[LANG_COUNT] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no",
    "fi", "pl", "cs", "hu", "ro", "tr", "ru", "uk", "el", "id"
};

static const char *const lang_words[LANG_COUNT] = {
    [LANG_EN] =
    "a about above after again against all also am an and any are as at be "
    "because been before being below between both but by can could did do "
    "does doing down during each even few for from further had has have "
    "having he her here hers herself him himself his how however i if in "
    "into is it its itself just may me might more most much must my myself "
    "no nor not now of off on once only or other our ours ourselves out over "
    "own same she should so some such than that the their theirs them "
    "themselves then there these they this those though through to too "
    "under until up upon us very was we were what when where whether which "
    "while who whom whose why will with within without would you your yours "
    "yourself yourselves it's don't i'm we're they're that's there's would "
    "also been into could since still yet",
    [LANG_DE] =
    "aber alle allem allen aller alles als also am an ander andere anderen "
    "auch auf aus bei bin bis bist da damit dann das dass dein deine dem den "
    "denn der des dich die dies diese diesem diesen dieser dir doch dort du "
    "durch ein eine einem einen einer eines er es etwas euch euer für gegen "
    "hab habe haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im "
    "in indem ins ist jede jedem jeden jeder jetzt kann kein keine können "
    "könnte machen man manche mein meine mich mir mit muss nach nicht nichts "
    "noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll "
    "sondern sonst über um und uns unser unter vom von vor war waren was "
    "weil welche wenn wer werde werden wie wieder will wir wird wo wurde "
    "wurden zu zum zur zwar zwischen",
    [LANG_FR] =
    "au aux avec ce ces cette dans de des du elle elles en et eux il ils je "
    "la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous "
    "on ou où par pas pour qu que qui sa se ses son sont sur ta te tes toi "
    "ton tu un une vos votre vous été être avoir avait ont est sera fait "
    "comme aussi plus peut tout tous toute toutes très sans sous entre "
    "après avant depuis donc alors ainsi car cela ceci celui celle dont si "
    "y c'est qu'il d'un d'une l'on n'est",
    [LANG_ES] =
    "a al algo algunos ante antes como con contra cual cuando de del desde "
    "donde durante e el ella ellas ellos en entre era es esa esas ese eso "
    "esos esta estaba estado estas este esto estos fue fueron ha había han "
    "hasta hay la las le les lo los más me mi mientras muy nada ni no nos "
    "nosotros o otra otras otro otros para pero poco por porque que quien "
    "se sea ser si sido sin sobre son su sus también tanto te tiene tienen "
    "todo todos tu un una uno unos y ya yo sus está están puede cada según",
    [LANG_IT] =
    "a ad al alla alle allo anche ai agli che chi ci come con contro da dal "
    "dalla dalle dei del della delle dello di dove e ed era erano essere fa "
    "fra gli ha hanno ho i il in io la le lei lo loro lui ma mi mio molto "
    "ne nei nel nella nelle nello noi non nostro o ogni per perché più poi "
    "può quale quando quello questa questo qui se sei si sia siamo sono "
    "sta stato su sua sue sui sul sulla suo suoi tra tutti tutto un una uno "
    "voi è stata stati essere viene anche",
    [LANG_PT] =
    "a ao aos as até com como da das de dela dele do dos e ela elas ele "
    "eles em entre era essa esse esta este eu foi foram há isso isto já "
    "lhe mais mas me mesmo meu minha muito na nas nem no nos nossa nosso "
    "num numa o os ou para pela pelas pelo pelos por quando que quem se "
    "seja sem ser seu seus sua suas também te tem ter um uma umas uns você "
    "é são está estão pode foi sobre após cada",
    [LANG_NL] =
    "aan al als bij dan dat de der deze die dit doch doen door dus een en "
    "er ge geen haar had heb hebben heeft hem het hier hij hoe hun iets ik "
    "in is ja je kan kon maar me meer men met mij mijn moet na naar niet "
    "niets nog nu of om omdat ons ook op over reeds te tegen toch toen tot "
    "u uit uw van veel voor want waren was wat we wel werd wie wij wil "
    "worden wordt zal ze zei zich zij zijn zo zonder zou",
    [LANG_SV] =
    "att av blev bli blir de dem den denna deras dess det detta dig din "
    "dina ditt du där efter ej eller en er era ett från för har hade han "
    "hans har hennes hon honom hur här i icke ingen inom inte jag ju kan "
    "kunde man med mellan men mig min mina mitt mot mycket ni nu när någon "
    "något några och om oss på samma sedan sig sin sina sitt själv skulle "
    "som så till under upp ut utan vad var vara varit vi vid vilka vilken "
    "är än även",
    [LANG_DA] =
    "af alle andet andre at blev blive bliver da de dem den denne der deres "
    "det dette dig din disse dog du efter eller en end er et for fra ham "
    "han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke "
    "ind jeg jer kan kunne man mange med meget men mig min mine mit mod ned "
    "noget nogle nu når og også om op os over på selv sig sin sine sit "
    "skal skulle som til ud under var vi vil ville vor være været",
    [LANG_NO] =
    "alle at av bare begge ble bli blir blitt både da de deg dei dem den "
    "denne der dere deres det dette di din disse ditt du då eg ein eit "
    "eller em en enn er et ett etter for fordi fra før ha hadde han hans "
    "har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva "
    "hvem hver hvilke hvis hvor hvordan i ikke ingen inn inni ja jeg kan "
    "kom korleis kun kunne kva man mange me med meg meget mellom men mi "
    "min mine mitt mot mykje ned no noe noen nok nå når og også om opp oss "
    "over på samme seg selv si sia sidan siden sin sine sitt skal skulle "
    "slik so som til um under upp ut uten var vart varte ved vere verte vi "
    "vil ville vore vors vort være vært",
    [LANG_FI] =
    "ei eivät emme en et ette että he heidän heidät heille hän hänen häntä "
    "ja jo joka jotka kanssa kuin kun me meidän mikä minä minun mitä mukaan "
    "mutta ne niin nyt ole olen oli olivat olla olleet ollut on ovat se "
    "sekä sen siitä sinä sitten sitä tai te tämä tämän tässä vaan vai "
    "vielä voi yli myös jos kuitenkin koska",
    [LANG_PL] =
    "a aby ale bardzo bez bo by był była było byli być czy dla do gdy gdzie "
    "go i ich im innych jak jako jednak jego jej jest jeszcze jeśli już "
    "każdy kiedy kto która które który lub ma mają może można mu na nad "
    "nam nas nie nich nim niż o od oraz po pod przez przy również się są "
    "ta tak także tam te tego tej ten to tu tych tylko tym w we więc z za "
    "ze że żeby co",
    [LANG_CS] =
    "a aby ale ani ano asi až bez bude budou by byl byla byli bylo být co "
    "či další do ho i jak jako je jeho její jejich jen jenž ještě již jsem "
    "jsme jsou jste k kam kde kdo když ke která které který kteří mezi mi "
    "mnoho mu má mají může na nad nebo není než o od pak po pod podle pokud "
    "pro proto před při s se si své svůj ta tak také tam te tedy ten tento "
    "to tom tu tuto ty tyto u už v ve vše z za ze že",
    [LANG_HU] =
    "a az és egy hogy nem is meg de ez azt van csak már mint még el ki be "
    "fel le volt lesz vagy mert pedig sem után ha kell most által között "
    "minden más ami aki amely amit amikor így úgy itt ott nagyon sok ezt "
    "azonban valamint illetve amelyek lehet lett",
    [LANG_RO] =
    "a acest această acestea acesta acei aceste al ale am ar are asupra "
    "au avea cu ce cel cea cei care cum când da dar de deci despre din "
    "dintre după el ea ei este eu fi fie fost iar în la le lor lui mai "
    "mult ne nici nu o pe pentru prin sa se si sub sunt şi și să un una "
    "unei unui va vor ca fără fiind",
    [LANG_TR] =
    "acaba ama ancak aslında az bazı belki biri birkaç birşey biz bu çok "
    "çünkü da daha de defa diye eğer en gibi hem hep hepsi her hiç için "
    "ile ise kez ki kim mı mu mü nasıl ne neden nerde nerede nereye niçin "
    "niye o sanki şey siz şu tüm ve veya ya yani bir olan olarak sonra "
    "kadar değil",
    [LANG_RU] =
    "а без более бы был была были было быть в вам вас весь во вот все всего "
    "всех вы где да даже для до его ее её если есть еще ещё же за здесь и "
    "из или им их к как ко когда который кто ли либо мне может мы на над "
    "надо наш не него нее неё нет ни них но ну о об однако он она они оно "
    "от очень по под при с со так также такой там те тем то того тоже той "
    "только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это я "
    "этого этом",
    [LANG_UK] =
    "а але б би був була були було бути в вам вас весь від вона вони воно "
    "все всі всього ви де для до же з за зі й і із її їх на над не ні ну "
    "о от по під при про та так також там те тим то того тож тому ти у "
    "уже хоча це цей ці цього чи що щоб як який яка які я ми ще є",
    [LANG_EL] =
    "και να το η της τα την του των με που στο ο σε για θα από δεν ή στην "
    "ότι είναι οι στη στα τον τις στον αλλά ένα μια ως όπως έχει ήταν "
    "μας σας τους στις αυτό αυτή αυτός πιο μετά κατά",
    [LANG_ID] =
    "ada adalah agar akan aku anda antara apa atau bagi bahwa banyak belum "
    "bisa dalam dan dari dengan di dia harus hingga ia ini itu jika juga "
    "kami kamu karena ke kepada kita lagi lebih mereka namun oleh pada para "
    "saat sangat saya sebagai sebuah sedang sehingga sejak seperti serta "
    "sudah tak tanpa telah tetapi tidak untuk yang"
};


const char *stoplist_lang_code(unsigned lang)
{
    return lang < LANG_COUNT ? lang_codes[lang] : "";
}

static ub_status insert(stoplist *s, uint64_t h, uint32_t lang_bit)
{
    if (h == 0)
        h = 1;
    for (size_t i = (size_t)h & s->mask;; i = (i + 1) & s->mask) {
        if (s->keys[i] == h) {
            s->langs[i] |= lang_bit;
            return UB_OK;
        }
        if (s->keys[i] == 0) {
            s->keys[i] = h;
            s->langs[i] = lang_bit;
            return UB_OK;
        }
    }
}

stoplist *stoplist_new(const mem *m)
{
    stoplist *s = mem_calloc(m, 1, sizeof *s);
    if (!s)
        return NULL;
    size_t words = 0;
    for (unsigned l = 0; l < LANG_COUNT; l++)
        for (const char *p = lang_words[l]; *p; p++)
            words += *p == ' ';
    size_t slots = 64;
    while (slots < 3 * (words + LANG_COUNT))
        slots *= 2;
    s->mask = slots - 1;
    s->keys = mem_calloc(m, slots, sizeof *s->keys);
    s->langs = mem_calloc(m, slots, sizeof *s->langs);
    if (!s->keys || !s->langs) {
        stoplist_free(s, m);
        return NULL;
    }
    for (unsigned l = 0; l < LANG_COUNT; l++) {
        const char *p = lang_words[l];
        while (*p) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            uint64_t h = WORD_HASH_INIT;
            while (*p && *p != ' ')
                h = word_hash_step(h, (unsigned char)*p++);
            insert(s, word_hash_final(h), 1u << l);
        }
    }
    uint64_t h = WORD_HASH_INIT;
    for (const char *p = "copyright"; *p; p++)
        h = word_hash_step(h, (unsigned char)*p);
    insert(s, word_hash_final(h), STOPLIST_COPYRIGHT);
    return s;
}

void stoplist_free(stoplist *s, const mem *m)
{
    if (!s)
        return;
    mem_free(m, s->keys);
    mem_free(m, s->langs);
    mem_free(m, s);
}
