// Reference codes for personal data, generated from Debian's iso-codes 4.15 (ISO 3166-1 and
// ISO 639-3 JSON files in /usr/share/iso-codes/json). Languages use the two-letter ISO 639-1 code
// where one exists and the ISO 639-3 code otherwise, as BCP 47 does.
#include "people/codes.h"

#include <algorithm>
#include <string>

namespace innet::people {
namespace {

// Sorted codes packed without separators: fixed width, so entry i is at i * width.
constexpr std::string_view kCountries =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQ"
    "BRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDM"
    "DODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGS"
    "GTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN"
    "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
    "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPM"
    "PNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSV"
    "SXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
    "VNVUWFWSYEYTZAZMZW";

constexpr std::string_view kLanguages2 =
    "aaabaeafakamanarasavayazbabebgbibmbnbobrbscacechcocrcscucvcy"
    "dadedvdzeeeleneoeseteufafffifjfofrfygagdglgngugvhahehihohrht"
    "huhyhziaidieigiiikioisitiujajvkakgkikjkkklkmknkokrkskukvkwky"
    "lalblglilnloltlulvmgmhmimkmlmnmrmsmtmynanbndnengnlnnnonrnvny"
    "ocojomorospapiplpsptqurmrnrorurwsascsdsesgshsiskslsmsnsosqsr"
    "ssstsusvswtatetgthtitktltntotrtstttwtyugukuruzvevivowawoxhyi"
    "yozazhzu";

constexpr std::string_view kLanguages3 =
    "aaaaabaacaadaaeaafaagaahaaiaakaalaanaaoaapaaqaasaataauaawaaxaazabaabbabc"
    "abdabeabfabgabhabiabjablabmabnaboabpabqabrabsabtabuabvabwabxabyabzacaacb"
    "acdaceacfachaciackaclacmacnacpacqacracsactacuacvacwacxacyaczadaadbaddade"
    "adfadgadhadiadjadladnadoadqadradsadtaduadwadxadyadzaeaaebaecaedaeeaekael"
    "aemaenaeqaeraesaeuaewaeyaezafbafdafeafgafhafiafkafnafoafpafsaftafuafzaga"
    "agbagcagdageagfaggaghagiagjagkaglagmagnagoagqagragsagtaguagvagwagxagyagz"
    "ahaahbahgahhahiahkahlahmahnahoahpahrahsahtaiaaibaicaidaieaifaigaihaiiaij"
    "aikailaimainaioaipaiqairaitaiwaixaiyajaajgajiajnajpajsajuajwajzakbakcakd"
    "akeakfakgakhakiakjakkaklakmakoakpakqakraksaktakuakvakwakxakyakzalaalcald"
    "alealfalhalialjalkallalmalnaloalpalqalralsaltalualwalxalyalzamaambamcame"
    "amfamgamiamjamkamlammamnamoampamqamramsamtamuamvamwamxamyamzanaanbancand"
    "aneanfanganhanianjankanlanmannanoanpanqanransantanuanvanwanxanyanzaoaaob"
    "aocaodaoeaofaogaoiaojaokaolaomaonaoraosaotaouaoxaozapbapcapdapeapfapgaph"
    "apiapjapkaplapmapnapoappapqaprapsaptapuapvapwapxapyapzaqcaqdaqgaqkaqmaqn"
    "aqpaqraqtaqzarbarcardarearhariarjarkarlarnaroarparqarrarsaruarvarwarxary"
    "arzasaasbascaseasfasgashasiasjaskaslasnasoaspasqasrassastasuasvaswasxasy"
    "aszataatbatcatdateatgatiatjatkatlatmatnatoatpatqatratsattatuatvatwatxaty"
    "atzauaaubaucaudaugauhauiaujaukaulaumaunauoaupauqaurautauuauwauxauyauzavb"
    "avdaviavkavlavmavnavoavsavtavuavvawaawbawcaweawgawhawiawkawmawnawoawraws"
    "awtawuawvawwawxawyaxbaxeaxgaxkaxlaxmaxxayaaybaycaydayeaygayhayiaykaylayn"
    "ayoaypayqayraysaytayuayzazaazbazdazgazjazmaznazoaztazzbaababbacbaebafbag"
    "bahbajbalbanbaobapbarbasbaubavbawbaxbaybbabbbbbcbbdbbebbfbbgbbhbbibbjbbk"
    "bblbbmbbnbbobbpbbqbbrbbsbbtbbubbvbbwbbxbbybcabcbbccbcdbcebcfbcgbchbcibcj"
    "bckbclbcmbcnbcobcpbcqbcrbcsbctbcubcvbcwbcybczbdabdbbdcbddbdebdfbdgbdhbdi"
    "bdjbdkbdlbdmbdnbdobdpbdqbdrbdsbdtbdubdvbdwbdxbdybdzbeabebbecbedbeebefbeg"
    "behbeibejbekbembeobepbeqbesbetbeubevbewbexbeybezbfabfbbfcbfdbfebffbfgbfh"
    "bfibfjbfkbflbfmbfnbfobfpbfqbfrbfsbftbfubfwbfxbfybfzbgabgbbgcbgdbgebgfbgg"
    "bgibgjbgkbglbgnbgobgpbgqbgrbgsbgtbgubgvbgwbgxbgybgzbhabhbbhcbhdbhebhfbhg"
    "bhhbhibhjbhlbhmbhnbhobhpbhqbhrbhsbhtbhubhvbhwbhxbhybhzbiabibbidbiebifbig"
    "bikbilbimbinbiobipbiqbirbitbiubivbiwbixbiybizbjabjbbjcbjebjfbjgbjhbjibjj"
    "bjkbjlbjmbjnbjobjpbjrbjsbjtbjubjvbjwbjxbjybjzbkabkcbkdbkfbkgbkhbkibkjbkk"
    "bklbkmbknbkobkpbkqbkrbksbktbkubkvbkwbkxbkybkzblablbblcbldbleblfblhbliblj"
    "blkbllblmblnbloblpblqblrblsbltblvblwblxblyblzbmabmbbmcbmdbmebmfbmgbmhbmi"
    "bmjbmkbmlbmmbmnbmobmpbmqbmrbmsbmtbmubmvbmwbmxbmzbnabnbbncbndbnebnfbngbni"
    "bnjbnkbnlbnmbnnbnobnpbnqbnrbnsbnubnvbnwbnxbnybnzboabobboebofbogbohboiboj"
    "bokbolbombonboobopboqborbotboubovbowboxboybozbpabpcbpdbpebpgbphbpibpjbpk"
    "bplbpmbpnbpobppbpqbprbpsbptbpubpvbpwbpxbpybpzbqabqbbqcbqdbqfbqgbqhbqibqj"
    "bqkbqlbqmbqnbqobqpbqqbqrbqsbqtbqubqvbqwbqxbqybqzbrabrbbrcbrdbrfbrgbrhbri"
    "brjbrkbrlbrmbrnbrobrpbrqbrrbrsbrtbrubrvbrwbrxbrybrzbsabsbbscbsebsfbsgbsh"
    "bsibsjbskbslbsmbsnbsobspbsqbsrbssbstbsubsvbswbsxbsybtabtcbtdbtebtfbtgbth"
    "btibtjbtmbtnbtobtpbtqbtrbtsbttbtubtvbtwbtxbtybtzbuabubbucbudbuebufbugbuh"
    "buibujbukbumbunbuobupbuqbusbutbuubuvbuwbuxbuybuzbvabvbbvcbvdbvebvfbvgbvh"
    "bvibvjbvkbvlbvmbvnbvobvpbvqbvrbvtbvubvvbvwbvxbvybvzbwabwbbwcbwdbwebwfbwg"
    "bwhbwibwjbwkbwlbwmbwnbwobwpbwqbwrbwsbwtbwubwwbwxbwybwzbxabxbbxcbxdbxebxf"
    "bxgbxhbxibxjbxkbxlbxmbxnbxobxpbxqbxrbxsbxubxvbxwbxzbyabybbycbydbyebyfbyg"
    "byhbyibyjbykbylbymbynbyobypbyqbyrbysbytbyvbywbyxbyzbzabzbbzcbzdbzebzfbzg"
    "bzhbzibzjbzkbzlbzmbznbzobzpbzqbzrbzsbztbzubzvbzwbzxbzybzzcaacabcaccadcae"
    "cafcagcahcajcakcalcamcancaocapcaqcarcascavcawcaxcaycazcbbcbccbdcbgcbicbj"
    "cbkcblcbncbocbqcbrcbscbtcbucbvcbwcbycccccdcceccgcchccjcclccmccoccpccrcda"
    "cdecdfcdhcdicdjcdmcdncdocdrcdscdycdzceacebcegcekcencetceycfacfdcfgcfmcga"
    "cgccggcgkchbchcchdchfchgchhchjchkchlchmchnchochpchqchrchtchwchxchychzcia"
    "cibciccidciecihcikcimcincipcirciwciycjacjecjhcjicjkcjmcjncjocjpcjscjvcjy"
    "ckbckhcklckmcknckockqckrckscktckuckvckxckyckzclaclccldcleclhclicljclkcll"
    "clmclocltcluclwclycmacmecmgcmicmlcmmcmncmocmrcmscmtcnacnbcnccngcnhcnicnk"
    "cnlcnocnpcnqcnrcnscntcnucnwcnxcoacobcoccodcoecofcogcohcojcokcolcomconcoo"
    "copcoqcotcoucovcowcoxcozcpacpbcpccpgcpicpncpocpscpucpxcpycqdcracrbcrccrd"
    "crfcrgcrhcricrjcrkcrlcrmcrncrocrqcrrcrscrtcrvcrwcrxcrycrzcsacsbcsccsdcse"
    "csfcsgcshcsicsjcskcslcsmcsncsocspcsqcsrcsscstcsvcswcsxcsycszctactcctdcte"
    "ctgcthctlctmctnctoctpctscttctuctyctzcuacubcuccuhcuicujcukculcuocupcuqcur"
    "cutcuucuvcuwcuxcuycvgcvncwacwbcwdcwecwgcwtcyacybcyoczhczkcznczocztdaadac"
    "daddaedagdahdaidajdakdaldamdaodaqdardasdaudavdawdaxdazdbadbbdbddbedbfdbg"
    "dbidbjdbldbmdbndbodbpdbqdbrdbtdbudbvdbwdbydccdcrddadddddeddgddiddjddnddo"
    "ddrddsddwdecdeddeedefdegdehdeidekdeldemdendepdeqderdesdevdezdgadgbdgcdgd"
    "dgedggdghdgidgkdgldgndgodgrdgsdgtdgwdgxdgzdhddhgdhidhldhmdhndhodhrdhsdhu"
    "dhvdhwdhxdiadibdicdiddifdigdihdiidijdikdildimdindiodipdiqdirdisdiudiwdix"
    "diydizdjadjbdjcdjddjedjfdjidjjdjkdjmdjndjodjrdjudjwdkadkgdkkdkrdksdkxdlg"
    "dlkdlmdlndmadmbdmcdmddmedmfdmgdmkdmldmmdmodmrdmsdmudmvdmwdmxdmydnadnddne"
    "dngdnidnjdnkdnndnodnrdntdnudnvdnwdnydoadobdocdoedofdohdoidokdoldondoodop"
    "doqdordosdotdovdowdoxdoydozdppdrbdrcdrddredrgdridrldrndrodrqdrsdrtdrudry"
    "dsbdsedshdsidsldsndsodsqdszdtadtbdtddthdtidtkdtmdtndtodtpdtrdtsdttdtudty"
    "duadubducduedufdugduhduidukduldumdunduodupduqdurdusduuduvduwduxduyduzdva"
    "dwadwkdwrdwsdwudwwdwydwzdyadybdyddygdyidymdyndyodyudyydzadzedzgdzldzneaa"
    "ebcebgebkeboebrebuecrecsecyeeeefaefeefiegaeglegmegoegyehsehueipeiteiveja"
    "ekaekeekgekiekkeklekmekoekpekrekyeleelhelielkelmeloeluelxemaembemeemgemi"
    "emkemmemnempemqemsemuemwemxemyemzenaenbencendenfenhenlenmennenoenqenrenu"
    "envenwenxeotepieraergerherierkeroerrerserterweseesgeshesieskeslesmesneso"
    "esqessesuesyetbetcethetnetoetretsettetuetxetzeveevhevnewoexteyaeyoezaeze"
    "faafabfadfaffagfahfaifajfakfalfamfanfapfarfatfaufaxfayfazfblfcsferffiffm"
    "fgrfiafiefiffilfipfirfitfiwfkkfkvflaflhflifllflnflrflyfmpfmufnbfngfnifod"
    "foifomfonforfosfpefqsfrcfrdfrkfrmfrofrpfrqfrrfrsfrtfsefslfssfubfucfudfue"
    "fuffuhfuifujfumfunfuqfurfutfuufuvfuyfvrfwafwegaagabgacgadgaegafgaggahgai"
    "gajgakgalgamgangaogapgaqgargasgatgaugawgaxgaygazgbagbbgbdgbegbfgbggbhgbi"
    "gbjgbkgblgbmgbngbogbpgbqgbrgbsgbugbvgbwgbxgbygbzgccgcdgcegcfgclgcngcrgct"
    "gdagdbgdcgddgdegdfgdggdhgdigdjgdkgdlgdmgdngdogdqgdrgdsgdtgdugdxgeagebgec"
    "gedgefgeggehgeigejgekgelgeqgesgevgewgexgeygezgfkgftggaggbggdggegggggkggl"
    "ggtgguggwghaghcgheghhghkghlghnghoghrghsghtgiagibgicgidgiegiggihgiigilgim"
    "gingipgiqgirgisgitgiugiwgixgiygizgjkgjmgjngjrgjugkagkdgkegkngkogkpgkuglb"
    "glcgldglhgljglkgllgloglrgluglwglygmagmbgmdgmggmhgmlgmmgmngmrgmugmvgmxgmy"
    "gmzgnagnbgncgndgnegnggnhgnignjgnkgnlgnmgnngnognqgnrgntgnugnwgnzgoagobgoc"
    "godgoegofgoggohgoigojgokgolgomgongoogopgoqgorgosgotgougovgowgoxgoygozgpa"
    "gpegpngqagqigqngqrgqugragrbgrcgrdgrggrhgrigrjgrmgrogrqgrrgrsgrtgrugrvgrw"
    "grxgrygrzgsegsggslgsmgsngsogspgssgswgtagtuguagubgucgudguegufgugguhguiguk"
    "gulgumgunguogupguqgurgusgutguuguwguxguzgvagvcgvegvfgvjgvlgvmgvngvogvpgvr"
    "gvsgvygwagwbgwcgwdgwegwfgwggwigwjgwmgwngwrgwtgwugwwgwxgxxgyagybgydgyegyf"
    "gyggyigylgymgyngyogyrgyygyzgzagzigznhaahabhachadhaehafhaghahhaihajhakhal"
    "hamhanhaohaphaqharhashavhawhaxhayhazhbahbbhbnhbohbuhcahchhdnhdshdyheahed"
    "heghehheihemhgmhgwhhihhrhhyhiahibhidhifhighihhiihijhikhilhiohirhithiwhix"
    "hjihkahkehkhhkkhknhkshlahlbhldhlehlthluhmahmbhmchmdhmehmfhmghmhhmihmjhmk"
    "hmlhmmhmnhmphmqhmrhmshmthmuhmvhmwhmyhmzhnahndhnehnghnhhnihnjhnnhnohnshnu"
    "hoahobhochodhoehohhoihojholhomhoohophorhoshothovhowhoyhozhpohpshrahrchre"
    "hrkhrmhrohrphrthruhrwhrxhrzhsbhshhslhsnhsshtihtohtshtuhtxhubhuchudhuehuf"
    "hughuhhuihujhukhulhumhuohuphuqhurhushuthuuhuvhuwhuxhuyhuzhvchvehvkhvnhvv"
    "hwahwchwohyahywiaiianiaribaibbibdibeibgibhiblibmibnibribuibyicaichiclicr"
    "idaidbidciddideidiidridsidtiduifaifbifeiffifkifmifuifyigbigeiggigligmign"
    "igoigsigwihbihiihpihwiinijcijeijjijnijsikeikiikkiklikoikpikriksiktikvikw"
    "ikxikzilailbilgiliilkilmiloilpilsiluilvimaimiimlimnimoimrimsimtimyinbing"
    "inhinjinlinminninoinpinsintinzioriouiowipiipoiquiqwireirhiriirkirnirriru"
    "irxiryisaiscisdiseisgishisiiskismisnisoisristisuitbitditeitiitkitlitmito"
    "itritsittitvitwitxityitziumivbivviwkiwmiwoiwsixcixliyaiyoiyxizhizrizzjaa"
    "jabjacjadjaejafjahjajjakjaljamjanjaojaqjasjatjaujaxjayjazjbejbijbjjbkjbm"
    "jbnjbojbrjbtjbujbwjcsjctjdajdgjdtjebjeejehjeijekjeljenjerjetjeujgbjgejgk"
    "jgojhijhsjiajibjicjidjiejigjihjiijiljimjiojiqjitjiujivjiyjjejjrjkajkmjko"
    "jkpjkrjksjkujlejlsjmajmbjmcjmdjmijmljmnjmrjmsjmwjmxjnajndjngjnijnjjnljns"
    "jobjodjogjorjosjowjpajprjqrjrajrbjrrjrtjrujsljuajubjucjudjuhjuijukjuljum"
    "junjuojupjurjusjutjuujuwjuyjvdjvnjwijyajyejyykaakabkackadkaekafkagkahkai"
    "kajkakkamkaokapkaqkavkawkaxkaykbakbbkbckbdkbekbgkbhkbikbjkbkkblkbmkbnkbo"
    "kbpkbqkbrkbskbtkbukbvkbwkbxkbykbzkcakcbkcckcdkcekcfkcgkchkcikcjkckkclkcm"
    "kcnkcokcpkcqkcrkcskctkcukcvkcwkcxkcykczkdakdckddkdekdfkdgkdhkdikdjkdkkdl"
    "kdmkdnkdpkdqkdrkdtkdukdwkdxkdykdzkeakebkeckedkeekefkegkehkeikejkekkelkem"
    "kenkeokepkeqkerkesketkeukevkewkexkeykezkfakfbkfckfdkfekffkfgkfhkfikfjkfk"
    "kflkfmkfnkfokfpkfqkfrkfskftkfukfvkfwkfxkfykfzkgakgbkgekgfkggkgikgjkgkkgl"
    "kgmkgnkgokgpkgqkgrkgskgtkgukgvkgwkgxkgykhakhbkhckhdkhekhfkhgkhhkhjkhkkhl"
    "khnkhokhpkhqkhrkhskhtkhukhvkhwkhxkhykhzkiakibkickidkiekifkigkihkiikijkil"
    "kimkiokipkiqkiskitkiukivkiwkixkiykizkjakjbkjckjdkjekjgkjhkjikjjkjkkjlkjm"
    "kjnkjokjpkjqkjrkjskjtkjukjvkjxkjykjzkkakkbkkckkdkkekkfkkgkkhkkikkjkkkkkl"
    "kkmkknkkokkpkkqkkrkkskktkkukkvkkwkkxkkykkzklaklbklckldkleklfklgklhkliklj"
    "klkkllklmklnkloklpklqklrklskltkluklvklwklxklyklzkmakmbkmckmdkmekmfkmgkmh"
    "kmikmjkmkkmlkmmkmnkmokmpkmqkmrkmskmtkmukmvkmwkmxkmykmzknaknbknckndkneknf"
    "kngkniknjknkknlknmknnknoknpknqknrknskntknuknvknwknxknyknzkoakockodkoekof"
    "kogkohkoikokkolkookopkoqkoskotkoukovkowkoykozkpakpbkpckpdkpekpfkpgkphkpi"
    "kpjkpkkplkpmkpnkpokpqkprkpskptkpukpvkpwkpxkpykpzkqakqbkqckqdkqekqfkqgkqh"
    "kqikqjkqkkqlkqmkqnkqokqpkqqkqrkqskqtkqukqvkqwkqxkqykqzkrakrbkrckrdkrekrf"
    "krhkrikrjkrkkrlkrnkrpkrrkrskrtkrukrvkrwkrxkrykrzksaksbkscksdkseksfksgksh"
    "ksiksjkskkslksmksnksokspksqksrksskstksuksvkswksxksykszktaktbktcktdktektf"
    "ktgkthktiktjktkktlktmktnktoktpktqktskttktuktvktwktxktyktzkubkuckudkuekuf"
    "kugkuhkuikujkukkulkumkunkuokupkuqkuskutkuukuvkuwkuxkuykuzkvakvbkvckvdkve"
    "kvfkvgkvhkvikvjkvkkvlkvmkvnkvokvpkvqkvrkvtkvukvvkvwkvxkvykvzkwakwbkwckwd"
    "kwekwfkwgkwhkwikwjkwkkwlkwmkwnkwokwpkwrkwskwtkwukwvkwwkwxkwykwzkxakxbkxc"
    "kxdkxfkxhkxikxjkxkkxmkxnkxokxpkxqkxrkxskxtkxvkxwkxxkxykxzkyakybkyckydkye"
    "kyfkygkyhkyikyjkykkylkymkynkyokypkyqkyrkyskytkyukyvkywkyxkyykyzkzakzbkzc"
    "kzdkzekzfkzgkzikzkkzlkzmkznkzokzpkzqkzrkzskzukzvkzwkzxkzykzzlaalablaclad"
    "laelaflaglahlailajlallamlanlaplaqlarlaslaulawlaxlaylazlbblbclbelbflbglbi"
    "lbjlbklbllbmlbnlbolbqlbrlbslbtlbulbvlbwlbxlbylbzlcclcdlcelcflchlcllcmlcp"
    "lcqlcsldaldblddldgldhldildjldkldlldmldnldoldpldqlealeblecledleeleflehlei"
    "lejleklellemlenleolepleqlerlesletleulevlewlexleylezlfalfnlgalgblgglghlgi"
    "lgklgllgmlgnlgolgqlgrlgtlgulgzlhalhhlhilhllhmlhnlhplhslhtlhulialibliclid"
    "lielifliglihlijliklilliolipliqlirlisliulivliwlixliylizljaljeljiljlljpljw"
    "ljxlkalkblkclkdlkelkhlkilkjlkllkmlknlkolkrlkslktlkulkyllallbllclldllellf"
    "llgllhllilljllklllllmllnllpllqllsllullxlmalmblmclmdlmelmflmglmhlmilmjlmk"
    "lmllmnlmolmplmqlmrlmulmvlmwlmxlmylnalnblndlnglnhlnilnjlnllnmlnnlnslnulnw"
    "lnzloaloblocloelofloglohloilojloklollomlonlooloploqlorloslotloulovlowlox"
    "loylozlpalpelpnlpolpxlqrlralrclrelrglrilrklrllrmlrnlrolrrlrtlrvlrzlsalsb"
    "lsclsdlselshlsilsllsmlsnlsolsplsrlsslstlsvlswlsyltcltglthltiltnltoltsltu"
    "lualucludluelufluilujluklullumlunluolupluqlurluslutluuluvluwluyluzlvalvi"
    "lvklvslvulwalwelwglwhlwllwmlwolwslwtlwulwwlxmlyalyglynlzhlzllznlzzmaamab"
    "madmaemafmagmaimajmakmammanmaqmasmatmaumavmawmaxmazmbambbmbcmbdmbembfmbh"
    "mbimbjmbkmblmbmmbnmbombpmbqmbrmbsmbtmbumbvmbwmbxmbymbzmcamcbmccmcdmcemcf"
    "mcgmchmcimcjmckmclmcmmcnmcomcpmcqmcrmcsmctmcumcvmcwmcxmcymczmdamdbmdcmdd"
    "mdemdfmdgmdhmdimdjmdkmdlmdmmdnmdpmdqmdrmdsmdtmdumdvmdwmdxmdymdzmeamebmec"
    "medmeemefmehmeimejmekmelmemmenmeomepmeqmermesmetmeumevmewmeymezmfamfbmfc"
    "mfdmfemffmfgmfhmfimfjmfkmflmfmmfnmfomfpmfqmfrmfsmftmfumfvmfwmfxmfymfzmga"
    "mgbmgcmgdmgemgfmggmghmgimgjmgkmglmgmmgnmgomgpmgqmgrmgsmgtmgumgvmgwmgymgz"
    "mhamhbmhcmhdmhemhfmhgmhimhjmhkmhlmhmmhnmhomhpmhqmhrmhsmhtmhumhwmhxmhymhz"
    "miamibmicmidmiemifmigmihmiimijmikmilmimminmiomipmiqmirmismitmiumiwmixmiy"
    "mizmjbmjcmjdmjemjgmjhmjimjjmjkmjlmjmmjnmjomjpmjqmjrmjsmjtmjumjvmjwmjxmjy"
    "mjzmkamkbmkcmkemkfmkgmkimkjmkkmklmkmmknmkomkpmkqmkrmksmktmkumkvmkwmkxmky"
    "mkzmlamlbmlcmlemlfmlhmlimljmlkmllmlmmlnmlomlpmlqmlrmlsmlumlvmlwmlxmlzmma"
    "mmbmmcmmdmmemmfmmgmmhmmimmjmmkmmlmmmmmnmmommpmmqmmrmmtmmummvmmwmmxmmymmz"
    "mnamnbmncmndmnemnfmngmnhmnimnjmnkmnlmnmmnnmnpmnqmnrmnsmnumnvmnwmnxmnymnz"
    "moamocmodmoemogmohmoimojmokmommoomopmoqmormosmotmoumovmowmoxmoymozmpampb"
    "mpcmpdmpempgmphmpimpjmpkmplmpmmpnmpomppmpqmprmpsmptmpumpvmpwmpxmpympzmqa"
    "mqbmqcmqemqfmqgmqhmqimqjmqkmqlmqmmqnmqomqpmqqmqrmqsmqtmqumqvmqwmqxmqymqz"
    "mramrbmrcmrdmremrfmrgmrhmrjmrkmrlmrmmrnmromrpmrqmrrmrsmrtmrumrvmrwmrxmry"
    "mrzmsbmscmsdmsemsfmsgmshmsimsjmskmslmsmmsnmsomspmsqmsrmssmsumsvmswmsxmsy"
    "mszmtamtbmtcmtdmtemtfmtgmthmtimtjmtkmtlmtmmtnmtomtpmtqmtrmtsmttmtumtvmtw"
    "mtxmtymuamubmucmudmuemugmuhmuimujmukmulmummuomupmuqmurmusmutmuumuvmuxmuy"
    "muzmvamvbmvdmvemvfmvgmvhmvimvkmvlmvnmvomvpmvqmvrmvsmvtmvumvvmvwmvxmvymvz"
    "mwamwbmwcmwemwfmwgmwhmwimwkmwlmwmmwnmwomwpmwqmwrmwsmwtmwumwvmwwmwzmxamxb"
    "mxcmxdmxemxfmxgmxhmximxjmxkmxlmxmmxnmxomxpmxqmxrmxsmxtmxumxvmxwmxxmxymxz"
    "mybmycmyemyfmygmyhmyjmykmylmymmyomypmyrmysmyumyvmywmyxmyymyzmzamzbmzcmzd"
    "mzemzgmzhmzimzjmzkmzlmzmmznmzomzpmzqmzrmzsmztmzumzvmzwmzxmzymzznaanabnac"
    "naenafnagnajnaknalnamnannaonapnaqnarnasnatnawnaxnaynaznbanbbnbcnbdnbenbg"
    "nbhnbinbjnbknbmnbnnbonbpnbqnbrnbsnbtnbunbvnbwnbyncancbnccncdncencfncgnch"
    "ncincjncknclncmncnnconcqncrncsnctncuncxnczndandbndcnddndfndgndhndindjndk"
    "ndlndmndnndpndqndrndsndtndundvndwndxndyndzneanebnecnedneenefnegnehneinej"
    "neknemnenneoneqnernesnetneunevnewnexneyneznfanfdnflnfrnfungangbngcngdnge"
    "nggnghngingjngknglngmngnngpngqngrngsngtngungvngwngxngyngznhanhbnhcnhdnhe"
    "nhfnhgnhhnhinhknhmnhnnhonhpnhqnhrnhtnhunhvnhwnhxnhynhznianibnidnienifnig"
    "nihniinijniknilnimninnioniqnirnisnitniunivniwnixniyniznjanjbnjdnjhnjinjj"
    "njlnjmnjnnjonjrnjsnjtnjunjxnjynjznkankbnkcnkdnkenkfnkgnkhnkinkjnkknkmnkn"
    "nkonkpnkqnkrnksnktnkunkvnkwnkxnkznlanlcnlenlgnlinljnlknllnlmnlonlqnlunlv"
    "nlwnlxnlynlznmanmbnmcnmdnmenmfnmgnmhnminmjnmknmlnmmnmnnmonmpnmqnmrnmsnmt"
    "nmunmvnmwnmxnmynmznnannbnncnndnnennfnngnnhnninnjnnknnlnnmnnnnnpnnqnnrnnt"
    "nnunnvnnwnnynnznoanocnodnoenofnognohnoinojnoknolnomnonnopnoqnosnotnounov"
    "nownoynoznpanpbnpgnphnpinplnpnnponpsnpunpxnpynqgnqknqlnqmnqnnqonqqnqtnqy"
    "nranrbnrcnrenrfnrgnrinrknrlnrmnrnnrpnrrnrtnrunrxnrznsansbnscnsdnsensfnsg"
    "nshnsinsknslnsmnsnnsonspnsqnsrnssnstnsunsvnswnsxnsynszntdntentgntintjntk"
    "ntmntontpntrntuntwntxntyntznuanucnudnuenufnugnuhnuinujnuknulnumnunnuonup"
    "nuqnurnusnutnuunuvnuwnuxnuynuznvhnvmnvonwanwbnwcnwenwgnwinwmnwonwrnwwnwx"
    "nwynxanxdnxenxgnxinxknxlnxmnxnnxonxqnxrnxxnybnycnydnyenyfnygnyhnyinyjnyk"
    "nylnymnynnyonypnyqnyrnysnytnyunyvnywnyxnyynzanzbnzdnzinzknzmnzsnzunzynzz"
    "oaaoacoaroavobiobkoblobmoboobrobtobuocaochocmocoocuodaodkodtoduofoofsofu"
    "ogbogcogeoggogooguohtohuoiaoieoinojbojcojgojpojsojvojwokaokbokcokdokeokg"
    "okhokiokjokkoklokmoknokookroksokuokvokxokzolaoldoleolkolmoloolroltoluoma"
    "ombomcomgomiomkomlomnomoompomromtomuomwomxomyonaonboneongonionjonkonnono"
    "onponronsontonuonwonxoodoogoonooroosopaopkopmopooptopyoraorcoreorgorhorn"
    "oroorrorsortoruorvorworxoryorzosaoscosiosnosoospostosuosxotaotbotdoteoti"
    "otkotlotmotnotqotrotsottotuotwotxotyotzouaouboueouioumovdowiowloyboydoym"
    "oyyozmpabpacpadpaepafpagpahpaipakpalpampaopappaqparpaspaupavpawpaxpaypaz"
    "pbbpbcpbepbfpbgpbhpbipblpbmpbnpbopbppbrpbspbtpbupbvpbypcapcbpccpcdpcepcf"
    "pcgpchpcipcjpckpclpcmpcnpcppcwpdapdcpdipdnpdopdtpdupeapebpedpeepefpegpeh"
    "peipejpekpelpempeopeppeqpespevpexpeypezpfapfepflpgapgdpggpgipgkpglpgnpgs"
    "pgupgzphaphdphgphhphjphkphlphmphnphophqphrphtphuphvphwpiapibpicpidpiepif"
    "pigpihpijpilpimpinpiopippirpispitpiupivpiwpixpiypizpjtpkapkbpkcpkgpkhpkn"
    "pkopkppkrpkspktpkuplaplbplcpldpleplgplhpljplkpllplnploplqplrplspltpluplv"
    "plwplyplzpmapmbpmdpmepmfpmhpmipmjpmkpmlpmmpmnpmopmqpmrpmspmtpmwpmxpmypmz"
    "pnapnbpncpndpnepngpnhpnipnjpnkpnlpnmpnnpnopnppnqpnrpnspntpnupnvpnwpnxpny"
    "pnzpocpoepofpogpohpoipokpomponpoopoppoqpospotpovpowpoxpoyppeppippkpplppm"
    "ppnppopppppqppspptppupqapqmprcprdpreprfprgprhpriprkprlprmprnproprpprqprr"
    "prsprtpruprwprxprzpsapscpsdpsepsgpshpsipslpsmpsnpsopsppsqpsrpsspstpsupsw"
    "psyptapthptiptnptoptpptqptrpttptuptvptwptypuapubpucpudpuepufpugpuipujpum"
    "puopuppuqpurputpuupuwpuxpuypwapwbpwgpwipwmpwnpwopwrpwwpxmpyepympynpyspyu"
    "pyxpyypzhpznquaqubqucqudqufqugquhquiqukqulqumqunqupquqqurqusquvquwquxquy"
    "quzqvaqvcqveqvhqviqvjqvlqvmqvnqvoqvpqvsqvwqvyqvzqwaqwcqwhqwmqwsqwtqxaqxc"
    "qxhqxlqxnqxoqxpqxqqxrqxsqxtqxuqxwqyaqypraarabracradrafragrahrairajrakral"
    "ramranraorapraqrarrasratrauravrawraxrayrazrbbrbkrblrbprcfrdbrearebreereg"
    "reirejrelremrenrerresretreyrgargergkrgnrgrrgsrgurhgrhpriaribrifrilrimrin"
    "rirritriurjgrjirjsrkarkbrkhrkirkmrktrkwrmarmbrmcrmdrmermfrmgrmhrmirmkrml"
    "rmmrmnrmormprmqrmsrmtrmurmvrmwrmxrmyrmzrnbrndrngrnlrnnrnprnrrnwrobrocrod"
    "roerofrogrolromrooroprorrourowrpnrptrrirrorrtrsbrskrslrsmrsnrtcrthrtmrts"
    "rtwrubrucruerufrugruhruirukruorupruqrutruuruyruzrwarwkrwlrwmrworwrrxdrxw"
    "rynrysryurzhsaasabsacsadsaesafsahsajsaksamsaosaqsarsassatsausavsawsaxsay"
    "sazsbasbbsbcsbdsbesbfsbgsbhsbisbjsbksblsbmsbnsbosbpsbqsbrsbssbtsbusbvsbw"
    "sbxsbysbzscbscescfscgschsciscksclscnscoscpscqscssctscuscvscwscxsdasdbsdc"
    "sdesdfsdgsdhsdjsdksdlsdnsdosdpsdqsdrsdssdtsdusdxsdzseasebsecsedseesefseg"
    "sehseisejsekselsenseosepseqsersessetseusevsewseysezsfbsfesfmsfssfwsgasgb"
    "sgcsgdsgesggsghsgisgjsgksgmsgpsgrsgssgtsgusgwsgxsgysgzshashbshcshdsheshg"
    "shhshishjshkshlshmshnshoshpshqshrshsshtshushvshwshxshyshzsiasibsidsiesif"
    "sigsihsiisijsiksilsimsipsiqsirsissiusivsiwsixsiysizsjasjbsjdsjesjgsjksjl"
    "sjmsjnsjosjpsjrsjssjtsjusjwskaskbskcskdskeskfskgskhskiskjskmsknskoskpskq"
    "skrskssktskuskvskwskxskyskzslcsldsleslfslgslhslisljsllslmslnslpslqslrsls"
    "sltsluslwslxslyslzsmasmbsmcsmfsmgsmhsmjsmksmlsmmsmnsmpsmqsmrsmssmtsmusmv"
    "smwsmxsmysmzsncsnesnfsngsnisnjsnksnlsnmsnnsnosnpsnqsnrsnssnusnvsnwsnxsny"
    "snzsoasobsocsodsoesogsohsoisojsoksolsoosopsoqsorsossousovsowsoxsoysozspb"
    "spcspdspespgspispksplspmspnsposppspqsprspssptspuspvspxspysqasqhsqksqmsqn"
    "sqosqqsqrsqssqtsqusqxsrasrbsrcsresrfsrgsrhsrisrksrlsrmsrnsrosrqsrrsrssrt"
    "srusrvsrwsrxsrysrzssbsscssdssessfssgsshssissjssksslssmssnssosspssqssrsss"
    "sstssussvssxssysszstastbstdstestfstgsthstistjstkstlstmstnstostpstqstrsts"
    "sttstustvstwstysuasubsucsuesugsuisujsuksuosuqsursussutsuvsuwsuxsuysuzsva"
    "svbsvcsvesvksvmsvssvxswbswcswfswgswhswiswjswkswlswmswnswoswpswqswrswsswt"
    "swuswvswwswxswysxbsxcsxesxgsxksxlsxmsxnsxosxrsxssxusxwsyasybsycsyisyksyl"
    "symsynsyosyrsyssywsyxsyyszaszbszcszdszeszgszlsznszpszsszvszwszytaatabtac"
    "tadtaetaftagtajtaktaltantaotaptaqtartastautavtawtaxtaytaztbatbctbdtbetbf"
    "tbgtbhtbitbjtbktbltbmtbntbotbptbrtbstbttbutbvtbwtbxtbytbztcatcbtcctcdtce"
    "tcftcgtchtcitcktcltcmtcntcotcptcqtcstcttcutcwtcxtcytcztdatdbtdctddtdetdf"
    "tdgtdhtditdjtdktdltdmtdntdotdqtdrtdstdttdvtdxtdyteatebtectedteeteftegteh"
    "teitektemtenteotepteqtertestetteutevtewtexteyteztfitfntfotfrtfttgatgbtgc"
    "tgdtgetgftghtgitgjtgntgotgptgqtgrtgstgttgutgvtgwtgxtgytgzthdthethfthhthi"
    "thkthlthmthnthpthqthrthsthtthuthvthythztiatictiftigtihtiitijtiktiltimtin"
    "tiotiptiqtistittiutivtiwtixtiytiztjatjgtjitjjtjltjmtjntjotjptjstjutjwtka"
    "tkbtkdtketkftkgtkltkmtkntkptkqtkrtkstkttkutkvtkwtkxtkztlatlbtlctldtlftlg"
    "tlhtlitljtlktlltlmtlntlotlptlqtlrtlstlttlutlvtlxtlytmatmbtmctmdtmetmftmg"
    "tmhtmitmjtmktmltmmtmntmotmqtmrtmstmttmutmvtmwtmytmztnatnbtnctndtngtnhtni"
    "tnktnltnmtnntnotnptnqtnrtnstnttnutnvtnwtnxtnytnztobtoctodtoftogtohtoitoj"
    "toktoltomtootoptoqtortostoutovtowtoxtoytoztpatpctpetpftpgtpitpjtpktpltpm"
    "tpntpotpptpqtprtpttputpvtpwtpxtpytpztqbtqltqmtqntqotqptqqtqrtqttqutqwtra"
    "trbtrctrdtretrftrgtrhtritrjtrltrmtrntrotrptrqtrrtrstrttrutrvtrwtrxtrytrz"
    "tsatsbtsctsdtsetsgtshtsitsjtsktsltsmtsptsqtsrtsststtsutsvtswtsxtsytsztta"
    "ttbttcttdttettfttgtthttittjttkttlttmttnttottpttqttrttstttttuttvttwttyttz"
    "tuatubtuctudtuetuftugtuhtuitujtultumtuntuotuqtustuutuvtuxtuytuztvatvdtve"
    "tvktvltvmtvntvotvstvttvutvwtvxtvytwatwbtwctwdtwetwftwgtwhtwltwmtwntwotwp"
    "twqtwrtwttwutwwtwxtwytxatxbtxctxetxgtxhtxitxjtxmtxntxotxqtxrtxstxttxutxx"
    "txytyatyetyhtyityjtyltyntyptyrtystyttyutyvtyxtyytyztzatzhtzjtzltzmtzntzo"
    "tzxuamuanuarubaubiublubrubuubyudaudeudgudiudjudludmuduuesufiugaugbugeugh"
    "ugnugougyuhauhnuisuivujiukaukgukhukiukkuklukpukquksukuukvukwukyulaulbulc"
    "uleulfuliulkullulmulnuluulwumaumbumcumdumgumiummumnumoumpumrumsumuunaund"
    "uneunguniunkunmunnunrunuunxunzuonupiupvuraurburcureurfurgurhuriurkurlurm"
    "urnurourpurrurturuurvurwurxuryurzusaushusiuskuspussusuutauteuthutputrutu"
    "uumuuruuuuveuvhuvluwauyauznuzsvaavaevafvagvahvaivajvalvamvanvaovapvarvas"
    "vauvavvayvbbvbkvecvedvelvemveovepvervgrvgtvicvidvifvigvilvinvisvitvivvka"
    "vkjvkkvklvkmvknvkovkpvktvkuvkzvlpvlsvmavmbvmcvmdvmevmfvmgvmhvmivmjvmkvml"
    "vmmvmpvmqvmrvmsvmuvmvvmwvmxvmyvmzvnkvnmvnpvorvotvravrovrsvrtvsivslvsvvto"
    "vumvunvutvwawaawabwacwadwaewafwagwahwaiwajwalwamwanwaowapwaqwarwaswatwau"
    "wavwawwaxwaywazwbawbbwbewbfwbhwbiwbjwbkwblwbmwbpwbqwbrwbswbtwbvwbwwcawci"
    "wddwdgwdjwdkwdtwduwdyweawecwedwegwehweiwemweowepwerweswetweuwewwfgwgawgb"
    "wggwgiwgowguwgywhawhgwhkwhuwibwicwiewifwigwihwiiwijwikwilwimwinwirwiuwiv"
    "wiywjawjiwkawkbwkdwklwkrwkuwkwwkywlawlcwlewlgwlhwliwlkwllwlmwlowlrwlswlu"
    "wlvwlwwlxwlywmawmbwmcwmdwmewmgwmhwmiwmmwmnwmowmswmtwmwwmxwnbwncwndwnewng"
    "wniwnkwnmwnnwnownpwnuwnwwnywoawobwocwodwoewofwogwoiwokwomwonwooworwoswow"
    "woywpcwrbwrgwrhwriwrkwrlwrmwrnwrowrpwrrwrswruwrvwrwwrxwrywrzwsawsgwsiwsk"
    "wsrwsswsuwsvwtfwthwtiwtkwtmwtwwuawubwudwuhwulwumwunwurwutwuuwuvwuxwuywwa"
    "wwbwwowwrwwwwxawxwwybwyiwymwynwyrwyyxaaxabxacxadxaexagxaixajxakxalxamxan"
    "xaoxapxaqxarxasxatxauxavxawxayxbbxbcxbdxbexbgxbixbjxbmxbnxboxbpxbrxbwxby"
    "xcbxccxcexcgxchxclxcmxcnxcoxcrxctxcuxcvxcwxcyxdaxdcxdkxdmxdoxdqxdyxebxed"
    "xegxelxemxepxerxesxetxeuxfaxgaxgbxgdxgfxggxgixglxgmxgrxguxgwxhaxhcxhdxhe"
    "xhmxhrxhtxhuxhvxibxiixilxinxirxisxivxiyxjbxjtxkaxkbxkcxkdxkexkfxkgxkixkj"
    "xkkxklxknxkoxkpxkqxkrxksxktxkuxkvxkwxkxxkyxkzxlaxlbxlcxldxlexlgxlixlnxlo"
    "xlpxlsxluxlyxmaxmbxmcxmdxmexmfxmgxmhxmjxmkxmlxmmxmnxmoxmpxmqxmrxmsxmtxmu"
    "xmvxmwxmxxmyxmzxnaxnbxngxnhxnixnjxnkxnmxnnxnoxnqxnrxnsxntxnuxnyxnzxocxod"
    "xogxoixokxomxonxooxopxorxowxpaxpbxpcxpdxpexpfxpgxphxpixpjxpkxplxpmxpnxpo"
    "xppxpqxprxpsxptxpuxpvxpwxpxxpyxpzxqaxqtxraxrbxrdxrexrgxrixrmxrnxrrxrtxru"
    "xrwxsaxsbxscxsdxsexshxsixsjxslxsmxsnxsoxspxsqxsrxssxsuxsvxsyxtaxtbxtcxtd"
    "xtextgxthxtixtjxtlxtmxtnxtoxtpxtqxtrxtsxttxtuxtvxtwxtyxuaxubxudxugxujxul"
    "xumxunxuoxupxurxutxuuxvexvixvnxvoxvsxwaxwcxwdxwexwgxwjxwkxwlxwoxwrxwtxww"
    "xxbxxkxxmxxrxxtxyaxybxyjxykxylxytxyyxzhxzmxzpyaayabyacyadyaeyafyagyahyai"
    "yajyakyalyamyanyaoyapyaqyaryasyatyauyavyawyaxyayyazybaybbybeybhybiybjybk"
    "yblybmybnyboybxybyychyclycnycpydayddydeydgydkyeayecyeeyeiyejyelyeryesyet"
    "yeuyevyeyygaygiyglygmygpygrygsyguygwyhayhdyhlyhsyiayifyigyihyiiyijyikyil"
    "yimyinyipyiqyiryisyityiuyivyixyizykaykgykiykkyklykmyknykoykryktykuykyyla"
    "ylbyleylgyliyllylmylnyloylryluylyymbymcymdymeymgymhymiymkymlymmymnymoymp"
    "ymqymrymsymxymzynayndyneyngynkynlynnynoynqynsynuyobyogyoiyokyolyomyonyot"
    "yoxyoyypaypbypgyphypmypnypoyppypzyrayrbyreyrkyrlyrmyrnyroyrsyrwyryyscysd"
    "ysgyslysmysnysoyspysryssysyytaytlytpytwytyyuayubyucyudyueyufyugyuiyujyuk"
    "yulyumyunyupyuqyuryutyuwyuxyuyyuzyvayvtywaywgywlywnywqywrywtywuywwyxayxg"
    "yxlyxmyxuyxyyyryyuyyzyzgyzkzaazabzaczadzaezafzagzahzaizajzakzalzamzaozap"
    "zaqzarzaszatzauzavzawzaxzayzazzbazbczbezblzbtzbuzbwzcazcdzchzdjzeazegzeh"
    "zenzgazgbzghzgmzgnzgrzhbzhdzhizhnzhwziazibzikzilzimzinziwzizzkazkbzkdzkg"
    "zkhzkkzknzkozkpzkrzktzkuzkvzkzzlazljzlmzlnzlqzmazmbzmczmdzmezmfzmgzmhzmi"
    "zmjzmkzmlzmmzmnzmozmpzmqzmrzmszmtzmuzmvzmwzmxzmyzmzznaznezngznkznszoczoh"
    "zomzoozoqzorzoszpazpbzpczpdzpezpfzpgzphzpizpjzpkzplzpmzpnzpozppzpqzprzps"
    "zptzpuzpvzpwzpxzpyzpzzqezrazrgzrnzrozrpzrszsazskzslzsmzsrzsuzteztgztlztm"
    "ztnztpztqztszttztuztxztyzuazuhzumzunzuyzwazxxzybzygzyjzynzypzzazzj";

bool in_packed(std::string_view packed, std::size_t width, std::string_view code) {
  if (code.size() != width) return false;
  std::size_t lo = 0, hi = packed.size() / width;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    auto entry = packed.substr(mid * width, width);
    if (entry == code) return true;
    if (entry < code)
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

}  // namespace

bool is_country_code(std::string_view code) {
  return code == kStateless || code == kUnknownCountry || in_packed(kCountries, 2, code);
}

bool is_language_code(std::string_view code) {
  return in_packed(kLanguages2, 2, code) || in_packed(kLanguages3, 3, code);
}

}  // namespace innet::people

namespace innet::people {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool personal_code_valid(std::string_view cf) {
  // Values of characters in odd positions (1st, 3rd, ...), for 0-9 and A-Z alike.
  static constexpr int kOdd[26] = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                   20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  // Positions of letters (surname, name, month, check) and of digits, or their omocodia letters.
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 8, 11, 15})
    if (!is_upper(cf[i])) return false;
  constexpr std::string_view kOmocodia = "LMNPQRSTUV";
  for (std::size_t i : {6, 7, 9, 10, 12, 13, 14})
    if (!is_digit(cf[i]) && kOmocodia.find(cf[i]) == std::string_view::npos) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 15; ++i) {
    const int index = is_digit(cf[i]) ? cf[i] - '0' : cf[i] - 'A';
    sum += (i % 2 == 0) ? kOdd[index] : index;
  }
  return cf[15] == 'A' + sum % 26;
}

bool provisional_code_valid(std::string_view cf) {
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (!is_digit(cf[i])) return false;
    int d = cf[i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return is_digit(cf[10]) && (10 - sum % 10) % 10 == cf[10] - '0';
}

}  // namespace

bool is_codice_fiscale(std::string_view code) {
  if (code.size() == 16) return personal_code_valid(code);
  if (code.size() == 11) return provisional_code_valid(code);
  return false;
}

}  // namespace innet::people
