package similarity

import (
	"strings"
	"unicode/utf8"

	"dateline/cluster"
)

// conceptTable is a small hand-written multilingual lexicon of generic
// news topics: one line per concept, "concept|en|de|es|fr|it|pl|zh", each
// field a comma-separated list of words; a word ending in "*" matches as
// a prefix of a text word, others match whole words (both compared as
// cluster.NameKey keys, so diacritics and transcription variants fold);
// Chinese words match as substrings. It lets articles in different
// languages meet on their topic (fire, election, vaccine) where no name
// or number is shared. It is not tied to any data set: the words are the
// common news vocabulary of each language.
const conceptTable = `
virus|virus*,viral|virus*|virus*|virus*|virus*|wirus*|病毒
corona|coronavirus*,covid*,sars*|corona*,covid*,sars*|coronavirus*,covid*|coronavirus*,covid*|coronavirus*,covid*|koronawirus*,covid*|冠状病毒,新冠,肺炎
pandemic|pandemic*,epidemic*,outbreak*|pandemie*,epidemie*,ausbruch*|pandemia*,epidemia*,brote*|pandemie*,epidemie*|pandemia*,epidemia*|pandemi*,epidemi*|大流行,疫情,流行病
vaccine|vaccin*|impf*,vakzin*|vacuna*|vaccin*|vaccin*|szczepi*|疫苗
hospital|hospital*,clinic*|krankenhaus*,klinik*,spital*|hospital*,clinica*|hopital*,clinique*|ospedal*,clinica*|szpital*,klinik*|医院
doctor|doctor*,physician*,nurse*|arzt,arzte*,arztin*,pfleger*|medico*,medica*,enfermer*|medecin*,infirmier*|medico*,medici,infermier*|lekarz*,lekarze*,pielegniar*|医生,护士
patient|patient*|patient*|paciente*|patient*|pazient*|pacjent*|患者,病人,病例
infection|infect*,infected,cases|infiz*,infekt*,ansteck*|infect*,contagi*,casos|infect*,contamin*,cas|infett*,contagi*,casi|zakaz*,zaraz*,przypadk*|感染,确诊
death|death*,dead,died,dies,killed,deaths,fatalit*|tod,tote,toten,todes*,gestorben,starb*,getotet|muert*,murio,murieron,fallec*|mort,morts,morte,deces,decede*,tue,tues|morto,morti,morta,decess*,uccis*|zmarl*,zgon*,smierc*,zabit*,ofiar*|死亡,死者,遇难,丧生
quarantine|quarantin*,lockdown*,isolation|quarantan*,ausgangssperr*,lockdown*,isolation*|cuarentena*,confinamiento*,aislamiento*|quarantaine*,confinement*|quarantena*,isolamento*,lockdown*|kwarantann*,izolac*,lockdown*|隔离,封锁,封城
mask|mask,masks|maske*,mundschutz*|mascarilla*,cubreboca*|masque*|mascherin*|maseczk*,maski|口罩
police|police*,policeman,officers|polizei*,polizist*|policia*,policial*|police*,policier*,gendarm*|polizia*,carabinier*,poliziott*|policj*,policjan*|警察,警方
arrest|arrest*,detain*|festgenommen,festnahme*,verhaft*|detenid*,detencion*,arrest*|arrete*,arrestation*,interpell*|arrest*,fermat*|zatrzyma*,aresztow*|逮捕,拘留,被捕
court|court*,judge*,jury|gericht*,richter*|tribunal*,juez,jueza,juzgado*|tribunal*,juge,juges|tribunal*,giudic*|sad,sadu,sedzi*,sadzie|法院,法官,法庭
prosecute|prosecut*,trial,charged,indict*|anklage*,angeklagt*,prozess*,staatsanwalt*|fiscal*,juicio*,acusad*|proces,procureur*,accuse*|processo*,procur*,accusat*,imputat*|prokurat*,proces*,oskarz*|起诉,审判,指控
murder|murder*,homicide*|mord,morde*,mordes,ermord*|asesin*,homicidio*|meurtre*,assassin*|omicid*,assassin*|morderst*,zabojst*|谋杀,凶杀
shooting|shooting*,shot,gunman,gunfire,gun,guns|schuss*,schusse*,schiess*,schutze*|disparo*,tiroteo*,balacera*|tir,tirs,fusillade*|spar*,sparator*|strzel*,strzal*|枪击,开枪,枪手
fire|fire,fires,blaze*,wildfire*,bushfire*|brand,brande,brandes,feuer*,waldbrand*,buschbrand*|incendio*,fuego*|incendie*,feu,feux|incendi*,fuoco,fiamme|pozar*,ogien,plomien*|火灾,大火,山火,火势
firefighter|firefight*,firemen|feuerwehr*|bombero*|pompier*|pompier*,vigili|strazak*,strazy|消防
earthquake|earthquake*,quake*,tremor*|erdbeben*|terremoto*,sismo*|seisme*,tremblement*|terremoto*,sisma*,scossa*|trzesien*|地震
flood|flood*|hochwasser*,uberschwemm*,flut*|inundac*,riada*|inondation*,crue*|alluvion*,inondazion*|powodz*,powodzi*,zalan*|洪水,洪灾
storm|storm*,hurricane*,typhoon*,tornado*|sturm*,orkan*,hurrikan*,taifun*,unwetter*|tormenta*,huracan*,temporal*|tempete*,ouragan*,orage*|tempesta*,uragan*,maltempo*|burz*,huragan*,wichur*|风暴,飓风,台风,暴风
volcano|volcan*|vulkan*|volcan*|volcan*|vulcan*|wulkan*|火山
accident|accident*,crash*,collision*|unfall*,unglu*,zusammenstoss*|accidente*,choque*|accident*,collision*|incident*,scontro*|wypad*,zderzen*,katastrof*|事故,车祸,相撞
plane|plane,planes,aircraft,flight*,airline*,jet|flugzeug*,flug,fluge*,airline*,fluggesellschaft*|avion*,vuelo*,aerolinea*|avion*,vol,vols,compagnie aerienne|aere*,volo,voli,compagnia aerea|samolot*,lot,lotu,lotow,linie lotnicze|飞机,航班,航空
airport|airport*|flughafen*|aeropuerto*|aeroport*|aeroporto*|lotnisk*|机场
train|train,trains,railway*,rail|zug,zuge*,bahn*|tren,trenes,ferrocarril*|train,trains,ferroviaire*,sncf|treno,treni,ferrovi*|pociag*,kolej*|火车,列车,铁路
election|election*,vote*,voting,ballot*,voters|wahl,wahlen,wahler*,abstimmung*|eleccion*,voto*,votacion*,comicios|election*,vote*,scrutin*,electeur*|elezion*,voto,voti,votazion*,elettor*|wybor*,glosow*,wyborc*|选举,投票,选民
president|president*|prasident*|presidente*|president*|president*|prezydent*|总统,主席
government|government*,administration|regierung*|gobierno*|gouvernement*|governo*|rzad,rzadu,rzadow*|政府
minister|minister*,secretary|minister*|ministr*|ministr*|ministr*|minist*|部长,总理,首相
parliament|parliament*,congress*,senat*,lawmaker*,mps|parlament*,bundestag*,abgeordnet*,landtag*|parlament*,congreso*,senado*,diputad*|parlement*,assemblee*,senat*,depute*|parlament*,camera,senato*,deputat*|parlament*,sejm*,senat*,posl*|议会,国会,参议院,众议院
party|party,parties|partei*|partido*|parti,partis|partito*,partiti|partia*,partii|政党,党
law|law,laws,bill,legislation|gesetz*|ley,leyes|loi,lois|legge,leggi|ustaw*|法律,法案,立法
protest|protest*,demonstrat*,rally,rallies|protest*,demonstr*,kundgebung*|protesta*,manifestac*,manifestant*|manifest*,protest*|protest*,manifestaz*,manifestant*|protest*,demonstrac*,manifestac*|抗议,示威
war|war,wars,military,army,troops,soldier*|krieg*,militar*,armee*,truppe*,soldat*|guerra*,militar*,ejercito*,tropas,soldado*|guerre*,militaire*,armee*,troupes,soldat*|guerra*,militar*,esercito*,truppe,soldat*|wojn*,wojsk*,armi*,zolnier*|战争,军队,士兵,军方
attack|attack*,bomb*,explosion*|angriff*,anschlag*,bombe*,explosion*|ataque*,atentado*,bomba*,explosion*|attaque*,attentat*,bombe*,explosion*|attacc*,attentat*,bomba*,esplosion*|atak*,zamach*,bomb*,wybuch*|袭击,爆炸,炸弹
terror|terror*|terror*|terror*|terror*|terror*|terror*|恐怖
missile|missile*,rocket*|rakete*|misil*,cohete*|missile*,roquette*|missil*,razz*|rakiet*,pocisk*|导弹,火箭
nuclear|nuclear|atom*,nuklear*|nuclear*|nucleaire*|nuclear*|nuklear*,jadrow*,atomow*|核武,核电,核能,核弹
economy|econom*,recession*|wirtschaft*,konjunktur*,rezession*|economi*,economic*,recesion*|econom*,recession*|econom*,recession*|gospodar*,ekonom*,recesj*|经济,衰退
market|stock*,shares,market*,investor*|borse*,aktie*,markt*,anleger*|bolsa*,acciones,mercado*,inversor*|bourse*,actions,marche*,investisseur*|borsa*,azion*,mercat*,investitor*|gield*,akcj*,rynek,rynku,rynk*,inwestor*|股市,市场,股票,投资者
oil|oil,crude,petrol*|ol,oles,erdol*,rohol*|petroleo*,crudo|petrole*,brut|petroli*,greggio|rop*,naft*|石油,原油
price|price*,cost*|preis*,kosten|precio*,costo*|prix,cout*|prezz*,cost*|cen,ceny,cena,cenach,koszt*|价格,价钱
bank|bank,banks,banking|bank,banken|banco,bancos,banca*|banque*|banca,banche|bank,banku,banki,bankow*|银行
company|company,companies,firm,corporat*|unternehm*,konzern*,firma,firmen|empresa*,compania*|entreprise*,societe*|aziend*,societa|firm*,spolk*,przedsiebior*|公司,企业
jobs|unemploy*,jobless,jobs,workers|arbeitslos*,arbeitsplat*,beschaftig*,arbeitnehm*|desemple*,paro,empleo*,trabajador*|chomage*,emploi*,salarie*|disoccup*,lavorator*,occupazion*|bezrobo*,pracownik*,prace|失业,就业,工人
tax|tax,taxes|steuer*|impuest*|impot*,taxe*|tass*,impost*|podat*|税
trade|trade,tariff*,export*,import*|handel*,zoll*,zolle*,export*,import*|comercio*,arancel*,export*,import*|commerce*,tarif*,export*,import*|commerci*,dazi,export*,import*|handl*,cla,cel,eksport*,import*|贸易,关税,出口,进口
school|school*,student*,pupil*,teacher*|schul*,schuler*,lehrer*|escuela*,colegio*,alumn*,estudiant*,profesor*|ecole*,eleve*,etudiant*,enseignant*|scuol*,student*,alunn*,insegnant*|szkol*,uczni*,student*,nauczyciel*|学校,学生,老师,教师
university|universit*,college*|universitat*,hochschul*|universidad*|universite*|universit*|uniwersytet*,uczelni*|大学
church|pope,church*,vatican*,bishop*,catholic*|papst*,kirche*,vatikan*,bischof*,katholi*|papa,iglesia*,vatican*,obispo*,catolic*|pape,eglise*,vatican*,eveque*,catholi*|papa,chiesa,chiese,vatican*,vescov*,cattolic*|papiez*,papieza,kosciol*,kosciel*,watykan*,biskup*,katoli*|教皇,教会,梵蒂冈,天主教
islam|muslim*,islam*,mosque*|muslim*,islam*,moschee*|musulman*,islam*,mezquita*|musulman*,islam*,mosquee*|musulman*,islam*,moschea*|muzulman*,islam*,meczet*|穆斯林,伊斯兰
football|football*,soccer,match*,league*,goal,goals|fussball*,liga,bundesliga*,tor,tore|futbol*,partido*,liga,gol,goles|football*,ligue*,but,buts|calcio,partita*,campionato*,gol,serie a|pilk*,mecz*,lig*,bramk*|足球,比赛,联赛,进球
team|team*,player*,coach*|mannschaft*,team*,spieler*,trainer*|equipo*,jugador*,entrenador*|equipe*,joueur*,entraineur*|squadra*,giocator*,allenator*|druzyn*,zawodnik*,trener*|球队,球员,教练
olympics|olympi*|olympi*|olimpi*|olympi*|olimpi*|olimpi*|奥运
film|film,films,movie*,cinema*|film,filme*,kino*|pelicula*,cine,cinta*|film,films,cinema*|film,cinema*|film,filmu,filmie,kino,kina|电影,影片
music|music*,concert*,song*,singer*,album*|musik*,konzert*,lied,lieder,sanger*,album*|musica*,concierto*,cancion*,cantante*,album*|musique*,concert*,chanson*,chanteu*,album*|music*,concert*,canzon*,cantant*,album*|muzyk*,koncert*,piosen*,album*|音乐,演唱会,歌手,专辑,歌曲
art|exhibition*,museum*,artist*,painting*,gallery|ausstellung*,museum*,kunstler*,maler*,galerie*|exposicion*,museo*,artista*,pintura*,galeria*|exposition*,musee*,artiste*,peintur*,galerie*|mostra,mostre,museo*,artist*,pittur*,galleria*|wystaw*,muze*,artyst*,malarst*,galeri*|展览,博物馆,艺术
climate|climate*,weather,temperature*,heat,snow*,rain*|klima*,wetter*,temperatur*,hitze*,schnee*,regen*|clima*,temperatura*,calor,nieve*,lluvia*|climat*,meteo*,temperature*,chaleur*,neige*,pluie*|clima*,meteo*,temperatur*,caldo,neve,pioggia*|klimat*,pogod*,temperatur*,upal*,snieg*,deszcz*|气候,天气,气温,高温,降雪,降雨
emission|emission*,pollution,carbon,co2|emission*,umwelt*,co2,schadstoff*|emision*,contaminacion*,carbono,co2|emission*,pollution*,carbone,co2|emission*,inquinament*,carbonio,co2|emisj*,zanieczyszcz*,co2|排放,污染,碳
energy|energy,electricity,power plant*|energie*,strom*,kraftwerk*|energia*,electricidad*|energie*,electricite*|energia*,elettricit*|energi*,prad*,elektrown*|能源,电力
migrants|refugee*,migrant*,asylum,immigra*|fluchtling*,migrant*,asyl*,einwander*|refugiad*,migrant*,asilo*,inmigra*|refugie*,migrant*,asile*,immigr*|rifugiat*,migrant*,asilo*,immigra*|uchodz*,migrant*,azyl*,imigra*|难民,移民
border|border*|grenze*|frontera*|frontiere*|confin*,frontier*|granic*|边境,边界
children|child,children,kids,baby,babies,girl*,boy*|kind,kinder*,baby*,madchen*,junge*|nino*,nina*,bebe*,hijo*,hija*|enfant*,bebe*,fille*,garcon*|bambin*,bimb*,figli*,neonat*|dzieck*,dzieci*,niemowl*,dziewczyn*,chlop*|儿童,孩子,婴儿,女孩,男孩
birth|birth*,born,newborn*|geburt*,geboren*|nacimiento*,nacio,nacid*|naissance*,ne,nee|nascit*,nato,nata|narodzin*,urodz*,porod*|出生,新生儿
wedding|wedding*,married,marriage|hochzeit*,heirat*|boda*,casad*,matrimonio*|mariage*,marie*|nozze,matrimoni*,sposa*|slub*,wesel*,malzen*|婚礼,结婚
newyear|new year*|neujahr*,silvester*,jahreswechsel*|ano nuevo,nochevieja*|nouvel an,reveillon*,saint-silvestre|capodanno*|nowy rok,nowego roku,sylwester*,noworoczn*|新年,元旦,跨年
fireworks|firework*|feuerwerk*,boller*,pyrotechn*|fuegos artificiales,pirotecn*,petardo*|feux d'artifice,petard*|fuochi d'artificio,petard*,botti|fajerwerk*,petard*,pirotechn*|烟花,烟火
christmas|christmas*|weihnacht*|navidad*|noel|natale*|boze narodzenie,swiat*|圣诞
space|space,nasa,astronaut*,satellite*,planet*|weltraum*,raumfahrt*,astronaut*,satellit*,planet*|espacial*,astronauta*,satelite*,planeta*|spatial*,astronaute*,satellite*,planete*|spazi*,astronaut*,satellit*,pianet*|kosmos*,kosmicz*,astronaut*,satelit*,planet*|太空,宇航员,卫星,行星
tech|internet,online,smartphone*,app,apps,software|internet*,online,smartphone*,app,apps,software*|internet,telefono*,smartphone*,aplicacion*|internet,smartphone*,telephone*,application*,logiciel*|internet,smartphone*,telefon*,applicazion*|internet*,smartfon*,telefon*,aplikacj*|互联网,网络,智能手机,手机
socialmedia|twitter,facebook,tweet*,instagram,youtube,tiktok|twitter,facebook,tweet*,instagram,youtube,tiktok|twitter,facebook,tuit*,instagram,youtube,tiktok|twitter,facebook,tweet*,instagram,youtube,tiktok|twitter,facebook,tweet*,instagram,youtube,tiktok|twitter*,facebook*,tweet*,instagram*,youtube*,tiktok*|推特,脸书,社交媒体
food|restaurant*,food*,meal*|restaurant*,essen,lebensmittel*|restaurante*,comida*,alimento*|restaurant*,nourriture*,aliment*,repas|ristorant*,cibo,aliment*|restaurac*,jedzeni*,zywnos*|餐厅,食品,食物
shop|shop*,store*,retail*|geschaft*,laden,einzelhandel*|tienda*,comercio*|magasin*,commerce*|negozi*,commerci*|sklep*,handl*|商店,零售
animal|animal*,zoo,zoos,dog,dogs,cat,cats|tier,tiere*,zoo*,hund*,katze*|animal*,zoologico*,perro*,gato*|animal*,animaux,zoo*,chien*,chat,chats|animal*,zoo,cane,cani,gatt*|zwierz*,zoo,pies,psa,psy,kot,koty|动物,动物园,狗,猫
ape|monkey*,ape,apes,gorilla*,chimpanzee*,orangutan*|affe*,gorilla*,schimpans*,orang-utan*|mono,monos,gorila*,chimpance*,orangutan*|singe*,gorille*,chimpanze*,orang-outan*|scimmi*,gorill*,scimpanz*,orang*|malp*,goryl*,szympans*,orangutan*|猴子,猩猩
prison|prison*,jail*,inmate*|gefangnis*,haft,haftling*|carcel*,prision*,penal*,reo,reos|prison*,detenu*|carcer*,prigion*,detenut*|wiezie*,areszt*|监狱,囚犯
drug|drug,drugs,cocaine,narcotic*|droge*,kokain*,rauschgift*|droga*,cocaina*,narco*|drogue*,cocaine*,stupefiant*|droga,droghe,cocaina*,stupefacent*|narkoty*,kokain*|毒品
travel|tourist*,tourism,travel*,holiday*,vacation*|tourist*,reise*,urlaub*|turist*,turism*,viaje*,vacacion*|touris*,voyage*,vacance*|turist*,turism*,viagg*,vacanz*|turyst*,podroz*,wakac*,urlop*|游客,旅游,旅行
ship|ship,ships,boat*,vessel*,cruise*|schiff*,boot,boote*,kreuzfahrt*|barco*,buque*,crucero*|navire*,bateau*,croisiere*|nave,navi,barca,barche,crocier*|statek*,statk*,lodz*,rejs*|船,游轮,轮船
sea|sea,beach*,coast*,ocean*|meer*,strand*,kuste*,ozean*|mar,playa*,costa*,oceano*|mer,plage*,cote*,ocean*|mare,spiagg*,costa*,ocean*|morz*,plaz*,wybrzez*,ocean*|海滩,海岸,海上,大海
surf|surf*|surf*|surf*|surf*|surf*|surf*|冲浪
ski|ski,skiing,avalanche*,snowmobile*|ski,lawine*,schneemobil*|esqui*,avalancha*|ski,avalanche*|sci,valang*|narcia*,narty,lawin*|滑雪,雪崩
injured|injur*,wounded,hurt|verletz*|herid*,lesionad*|blesse*|ferit*|rann*|受伤,伤者
rescue|rescue*,emergenc*,ambulance*|rettung*,notarzt*,notfall*,krankenwagen*|rescate*,emergencia*,ambulancia*|secours*,urgence*,ambulance*|soccors*,emergenz*,ambulanz*|ratow*,pogotow*,karetk*|救援,急救,救护车
missing|missing,search*|vermisst*,suche*|desaparecid*,busqueda*|disparu*,recherche*|scompars*,ricerc*|zagin*,poszukiw*|失踪,搜寻
kidnap|kidnap*,hostage*,abduct*|entfuhr*,geisel*|secuestr*,rehen*|enleve*,enlevement*,otage*|rapit*,rapiment*,sequestr*,ostagg*|porwa*,zakladni*|绑架,人质
corruption|corrupt*,brib*,scandal*,fraud*|korruption*,bestech*,skandal*,betrug*|corrupcion*,soborno*,escandalo*,fraude*|corruption*,scandale*,fraude*|corruzion*,tangent*,scandal*,frode*|korupc*,lapow*,skandal*,oszust*|腐败,贿赂,丑闻,欺诈
resign|resign*|rucktritt*,zuruckgetreten|dimision*,dimite*,renunci*|demission*|dimission*,dimett*|dymisj*,rezygn*,ustapi*|辞职
impeachment|impeach*|amtsenthebung*,impeachment*|juicio politico,impeachment*|destitution*,impeachment*|impeachment*|impeachment*|弹劾
sanctions|sanction*|sanktion*|sancion*|sanction*|sanzion*|sankcj*|制裁
agreement|agreement*,deal,treaty,accord*|abkommen*,vertrag*,einigung*|acuerdo*,tratado*,pacto*|accord*,traite*|accordo*,accordi,trattat*,intesa|porozumie*,umow*,traktat*|协议,条约
summit|talks,negotiat*,summit*,meeting*|verhandl*,gipfel*,treffen*|negociac*,cumbre*,reunion*|negocia*,sommet*,reunion*|negozia*,vertic*,incontr*|negocjac*,rozmow*,szczyt*,spotkan*|谈判,峰会,会谈,会议
visit|visit*|besuch*|visita*|visite*|visita*|wizyt*|访问
embassy|embass*,ambassador*,diplomat*|botschaft*,diplomat*|embajad*,diplomatic*|ambassad*,diplomat*|ambasciat*,diplomatic*|ambasad*,dyplomat*|大使馆,大使,外交
spy|intelligence,spy,spies,espionage|geheimdienst*,spion*|inteligencia,espia*,espionaje*|renseignement*,espion*|intelligence,spia,spie,spionagg*|wywiad*,szpieg*|情报,间谍
hacker|hack*,cyber*|hacker*,cyber*|hacker*,ciber*|pirate*,cyber*|hacker*,cyber*|haker*,cyber*|黑客,网络攻击
weapons|weapon*,arms|waffe*|arma,armas|arme,armes|arma,armi|bron,broni|武器
`

// conceptLexicon is the parsed concept table.
type conceptLexicon struct {
	// words maps a whole-word key to its concepts.
	words map[string][]string
	// prefixes maps a prefix key to its concepts, by the prefix's first
	// three letters.
	prefixes map[string][]conceptPrefix
	// phrases are multi-word entries (keys joined by a space).
	phrases []conceptPrefix
	// han are the Chinese entries.
	han []conceptPrefix
}

type conceptPrefix struct {
	key     string
	concept string
	prefix  bool
}

// parseConcepts parses conceptTable.
func parseConcepts() *conceptLexicon {
	lx := &conceptLexicon{words: make(map[string][]string), prefixes: make(map[string][]conceptPrefix)}
	for line := range strings.SplitSeq(conceptTable, "\n") {
		fs := strings.Split(strings.TrimSpace(line), "|")
		if len(fs) < 2 {
			continue
		}
		c := fs[0]
		for i, f := range fs[1:] {
			for w := range strings.SplitSeq(f, ",") {
				w = strings.TrimSpace(w)
				if w == "" {
					continue
				}
				if i == 6 { // zh
					lx.han = append(lx.han, conceptPrefix{key: w, concept: c})
					continue
				}
				prefix := strings.HasSuffix(w, "*")
				k := cluster.NameKey(strings.TrimSuffix(w, "*"))
				switch {
				case k == "":
				case strings.Contains(k, " "):
					lx.phrases = append(lx.phrases, conceptPrefix{key: k, concept: c, prefix: prefix})
				case prefix && utf8.RuneCountInString(k) >= 3:
					p := string([]rune(k)[:3])
					lx.prefixes[p] = append(lx.prefixes[p], conceptPrefix{key: k, concept: c, prefix: true})
				default:
					lx.words[k] = append(lx.words[k], c)
				}
			}
		}
	}
	return lx
}

// find returns the concepts of text with their counts (one per concept
// and word).
func (lx *conceptLexicon) find(text string) map[string]float64 {
	out := make(map[string]float64)
	keyText := cluster.NameKey(text)
	ws := strings.Fields(keyText)
	for _, w := range ws {
		seen := ""
		for _, c := range lx.words[w] {
			if c != seen {
				out[c]++
				seen = c
			}
		}
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		for _, p := range lx.prefixes[string([]rune(w)[:3])] {
			if strings.HasPrefix(w, p.key) && p.concept != seen {
				out[p.concept]++
				seen = p.concept
			}
		}
	}
	if len(lx.phrases) > 0 {
		padded := " " + keyText + " "
		for _, p := range lx.phrases {
			pat := " " + p.key
			if !p.prefix {
				pat += " "
			}
			if n := strings.Count(padded, pat); n > 0 {
				out[p.concept] += float64(n)
			}
		}
	}
	for _, p := range lx.han {
		if n := strings.Count(text, p.key); n > 0 {
			out[p.concept] += float64(n)
		}
	}
	return out
}
