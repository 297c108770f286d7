"""The agreements and territories tables (common/agreements.yaml, common/territories.yaml) and
their names in every language (<lang>/names.yaml).

Every canonical entry has a name in each language, and a sample mention, written the way texts
inflect it, resolves to that entry by the same rule the extractor uses (longest match first, no
overlaps, the first name in the sentence). A few whole sentences go through the pipeline."""

from __future__ import annotations

import re

import pytest

from dyad.data import (
    agreement_parties,
    holder_at,
    load_hierarchy,
    load_iso3166,
    load_language,
    load_polities,
    taken_from,
)
from dyad.lang import adapter_for
from dyad.model import DocumentMeta
from dyad.pipeline import process

LANGS = ("en", "ro", "ru")

# canonical agreement → a mention in en, ro, ru
AGREEMENTS: dict[str, tuple[str, str, str]] = {
    "Treaty of Nerchinsk": ("the Treaty of Nerchinsk fixed the border", "Tratatul de la Nerchinsk a fixat granița",
                            "по Нерчинскому договору"),
    "Treaty of Nystad": ("the Peace of Nystad", "Pacea de la Nystad", "по Ништадтскому миру"),
    "Treaty of Kyakhta (1727)": ("the Treaty of Kyakhta", "Tratatul de la Kiahta", "Кяхтинский договор 1727 года"),
    "Treaty of Küçük Kaynarca": ("the Treaty of Küçük Kaynarca", "Pacea de la Kuciuk-Kainargi",
                                 "по Кючук-Кайнарджийскому миру"),
    "Treaty of Paris (1783)": ("the Treaty of Paris of 1783", "Tratatul de la Paris din 1783",
                               "Парижский мирный договор 1783 года"),
    "Treaty of Georgievsk": ("the Treaty of Georgievsk", "Tratatul de la Georgievsk", "Георгиевский трактат"),
    "Treaty of Jassy": ("the Treaty of Jassy", "Pacea de la Iași", "Ясский мирный договор"),
    "Treaty of Tilsit": ("the treaties of Tilsit", "Pacea de la Tilsit", "Тильзитский мир"),
    "Treaty of Fredrikshamn": ("the Treaty of Fredrikshamn", "Tratatul de la Fredrikshamn",
                               "Фридрихсгамский мирный договор"),
    "Treaty of Bucharest (1812)": ("the Treaty of Bucharest of 1812", "Pacea de la București din 1812",
                                   "Бухарестский мирный договор 1812 года"),
    "Treaty of Gulistan": ("the Treaty of Gulistan", "Tratatul de la Gulistan", "Гюлистанский мирный договор"),
    "Treaty of Turkmenchay": ("the Treaty of Turkmenchay", "Tratatul de la Turkmenceai",
                              "Туркманчайский мирный договор"),
    "Treaty of Adrianople (1829)": ("the Treaty of Adrianople", "Pacea de la Adrianopol",
                                    "Адрианопольский мирный договор"),
    "Treaty of Nanking": ("the Treaty of Nanking", "Tratatul de la Nanking", "Нанкинский договор"),
    "Treaty of Guadalupe Hidalgo": ("the Treaty of Guadalupe Hidalgo", "Tratatul de la Guadalupe Hidalgo",
                                    "Договор Гуадалупе-Идальго"),
    "Convention of Kanagawa": ("the Convention of Kanagawa", "Convenția de la Kanagawa", "Канагавский договор"),
    "US–Japan Treaty of Amity and Commerce (1858)": (
        "the Harris Treaty", "tratatul negociat de consulul Townsend Harris",
        "японо-американский договор о дружбе и торговле"),
    "Treaty of Paris (1856)": ("the Treaty of Paris (1856)", "Tratatul de pace de la Paris din 1856",
                               "Парижский мирный договор 1856 года"),
    "Treaty of Aigun": ("the Treaty of Aigun", "Tratatul de la Aigun", "Айгунский договор"),
    "Convention of Peking (1860)": ("the Convention of Peking", "Tratatul de la Beijing din 1860",
                                    "по Пекинскому договору 1860 года"),
    "Alaska Purchase Treaty": ("the sale of Alaska", "vânzarea Alaskăi", "продажа Аляски"),
    "Treaty of Frankfurt": ("the Treaty of Frankfurt", "Tratatul de la Frankfurt", "Франкфуртский мирный договор"),
    "Treaty of San Stefano": ("the Treaty of San Stefano", "Tratatul de la San Stefano",
                              "Сан-Стефанский мирный договор"),
    "Treaty of Berlin (1878)": ("the Congress of Berlin", "Tratatul de la Berlin din iulie 1878",
                                "Берлинский трактат"),
    "Treaty of Saint Petersburg (1881)": ("the Treaty of Saint Petersburg of 1881",
                                          "Tratatul de la Sankt Petersburg din 1881",
                                          "Петербургский договор 1881 года"),
    "Treaty of Shimonoseki": ("the Treaty of Shimonoseki", "Tratatul de la Shimonoseki",
                              "Симоносекский мирный договор"),
    "Li–Lobanov Treaty": ("the Li–Lobanov Treaty", "tratatul de alianță ruso-chinez din 1896",
                          "русско-китайский союзный договор 1896 года"),
    "Treaty of Paris (1898)": ("the 1898 Treaty of Paris", "Tratatul de la Paris din 1898",
                               "Парижский мирный договор 1898 года"),
    "Anglo-Japanese Alliance": ("the Anglo-Japanese Alliance", "alianța anglo-japoneză", "англо-японский союз"),
    "Japan–Korea Treaty of 1905": ("the Eulsa Treaty", "tratatul de protectorat din 1905",
                                   "японо-корейский договор 1905 года"),
    "Anglo-Russian Convention": ("the Anglo-Russian Convention", "convenția anglo-rusă", "англо-русское соглашение"),
    "Japan–Korea Annexation Treaty": ("the Japan–Korea Annexation Treaty", "tratatul de anexare a Coreei",
                                      "договор о присоединении Кореи"),
    "Treaty of Bucharest (1913)": ("the Treaty of Bucharest of 1913", "Pacea de la București din 1913",
                                   "Бухарестский мирный договор 1913 года"),
    "Sykes–Picot Agreement": ("the Sykes–Picot Agreement", "acordul Sykes-Picot", "соглашение Сайкса — Пико"),
    "Treaty of Brest-Litovsk": ("the Treaty of Brest-Litovsk", "pacea de la Brest-Litovsk", "Брестский мир"),
    "Treaty of Bucharest (1918)": ("the Treaty of Bucharest of 1918", "Pacea de la Buftea",
                                   "Бухарестский мирный договор 1918 года"),
    "Treaty of Versailles": ("the Treaty of Versailles", "Tratatul de la Versailles", "Версальский мирный договор"),
    "Treaty of Saint-Germain": ("the Treaty of Saint-Germain", "Tratatul de la Saint-Germain",
                                "Сен-Жерменский мирный договор"),
    "Treaty of Neuilly": ("the Treaty of Neuilly", "Tratatul de la Neuilly", "Нейиский мирный договор"),
    "Treaty of Trianon": ("the Treaty of Trianon", "Tratatul de la Trianon", "Трианонский мирный договор"),
    "Treaty of Sèvres": ("the Treaty of Sèvres", "Tratatul de la Sèvres", "Севрский мирный договор"),
    "Treaty of Riga (1921)": ("the Peace of Riga", "Pacea de la Riga", "Рижский мирный договор"),
    "Treaty of Moscow (1921)": ("the Treaty of Moscow of March 1921", "tratatul sovieto-turc din 1921",
                                "Договор о дружбе и братстве"),
    "Treaty of Kars": ("the Treaty of Kars", "Tratatul de la Kars", "Карсский договор"),
    "Treaty of Rapallo (1922)": ("the Treaty of Rapallo", "Tratatul de la Rapallo", "Рапалльский договор"),
    "Washington Naval Treaty": ("the Washington Naval Treaty", "tratatul naval de la Washington",
                                "Вашингтонское морское соглашение"),
    "Treaty of Lausanne": ("the Treaty of Lausanne", "Tratatul de la Lausanne", "Лозаннский мирный договор"),
    "Locarno Treaties": ("the Locarno Treaties", "acordurile de la Locarno", "Локарнские договоры"),
    "Treaty of Berlin (1926)": ("the German–Soviet neutrality treaty", "tratatul de neutralitate sovieto-german",
                                "советско-германский договор о нейтралитете"),
    "Kellogg–Briand Pact": ("the Kellogg–Briand Pact", "Pactul Briand-Kellogg", "пакт Бриана — Келлога"),
    "Franco-Soviet Treaty of Mutual Assistance": ("the Franco-Soviet Treaty of Mutual Assistance",
                                                  "pactul franco-sovietic",
                                                  "советско-французский договор о взаимной помощи"),
    "Munich Agreement": ("the Munich Agreement", "Acordul de la München", "Мюнхенское соглашение"),
    "First Vienna Award": ("the First Vienna Award", "primul arbitraj de la Viena", "первый Венский арбитраж"),
    "Molotov–Ribbentrop Pact": ("the Molotov–Ribbentrop Pact", "Pactul Ribbentrop-Molotov",
                                "пакт Молотова — Риббентропа"),
    "German–Soviet Boundary and Friendship Treaty": ("the German–Soviet Boundary and Friendship Treaty",
                                                     "tratatul de prietenie și frontieră",
                                                     "Договор о дружбе и границе"),
    "Moscow Peace Treaty (1940)": ("the Moscow Peace Treaty", "Pacea de la Moscova", "Московский мирный договор"),
    "Second Vienna Award": ("the Second Vienna Award", "Dictatul de la Viena", "Венский арбитраж"),
    "Treaty of Craiova": ("the Treaty of Craiova", "Tratatul de la Craiova", "Крайовский договор"),
    "Tripartite Pact": ("the Tripartite Pact", "Pactul Tripartit", "Тройственный пакт"),
    "Atlantic Charter": ("the Atlantic Charter", "Carta Atlanticului", "Атлантическая хартия"),
    "Yalta Agreement": ("the Yalta Agreement", "Conferința de la Ialta", "Ялтинское соглашение"),
    "Potsdam Agreement": ("the Potsdam Agreement", "Conferința de la Potsdam", "Потсдамское соглашение"),
    "Sino-Soviet Treaty of Friendship and Alliance (1945)": (
        "the Sino-Soviet Treaty of Friendship and Alliance", "tratatul de prietenie și alianță din 1945",
        "договор о дружбе и союзе"),
    "Treaty of Paris (1947)": ("the Paris Peace Treaties of 1947", "Tratatul de pace de la Paris din 10 februarie 1947",
                               "Парижский мирный договор 1947 года"),
    "North Atlantic Treaty": ("the North Atlantic Treaty", "Tratatul Atlanticului de Nord",
                              "Североатлантический договор"),
    "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance (1950)": (
        "the Treaty of Friendship, Alliance and Mutual Assistance",
        "Tratatul de prietenie, alianță și asistență mutuală", "Договор о дружбе, союзе и взаимной помощи"),
    "US–Japan Security Treaty (1951)": ("the 1951 security treaty", "tratatul de securitate din 1951",
                                        "договор безопасности 1951 года"),
    "Treaty of Taipei": ("the Treaty of Taipei", "Tratatul de la Taipei", "Тайбэйский договор"),
    "Panchsheel Agreement": ("the Panchsheel Agreement", "acordul Panchsheel", "принципы Панчшила"),
    "Warsaw Pact": ("the Warsaw Pact", "Tratatul de la Varșovia", "Организация Варшавского договора"),
    "Austrian State Treaty": ("the Austrian State Treaty", "Tratatul de stat austriac",
                              "Государственный договор о восстановлении независимой и демократической Австрии"),
    "Treaty of Rome (1957)": ("the Treaty of Rome", "Tratatul de la Roma", "Римский договор"),
    "Indus Waters Treaty": ("the Indus Waters Treaty", "Tratatul apelor Indusului", "Договор о водах Инда"),
    "Élysée Treaty": ("the Élysée Treaty", "Tratatul de la Élysée", "Елисейский договор"),
    "Partial Nuclear Test Ban Treaty": ("the Partial Test Ban Treaty",
                                        "Tratatul de interzicere parțială a testelor nucleare",
                                        "Договор о запрещении испытаний ядерного оружия в атмосфере"),
    "Moscow–Washington Hotline Agreement": ("the Hotline Agreement", "memorandumul privind linia directă",
                                            "меморандум о прямой линии связи"),
    "Treaty on Basic Relations between Japan and the Republic of Korea": (
        "the Treaty on Basic Relations", "Tratatul privind relațiile de bază",
        "Договор об основных отношениях между Японией и Республикой Корея"),
    "Tashkent Declaration": ("the Tashkent Declaration", "Declarația de la Tașkent", "Ташкентская декларация"),
    "Treaty on the Non-Proliferation of Nuclear Weapons": ("the Non-Proliferation Treaty", "Tratatul de neproliferare",
                                                           "Договор о нераспространении ядерного оружия"),
    "Treaty of Moscow (1970)": ("the Moscow Treaty of 1970", "Tratatul de la Moscova din 1970",
                                "Московский договор 1970 года"),
    "Treaty of Warsaw (1970)": ("the Treaty of Warsaw of December 1970", "Tratatul de la Varșovia din decembrie 1970",
                                "Варшавский договор 1970 года"),
    "Indo-Soviet Treaty of Friendship and Cooperation": ("the Indo-Soviet Treaty of Peace, Friendship and Cooperation",
                                                         "tratatul indo-sovietic", "советско-индийский договор"),
    "Shanghai Communiqué": ("the Shanghai Communiqué", "Comunicatul de la Shanghai", "Шанхайское коммюнике"),
    "Simla Agreement": ("the Simla Agreement", "Acordul de la Simla", "Симлское соглашение"),
    "Anti-Ballistic Missile Treaty": ("the ABM Treaty", "Tratatul ABM", "Договор по ПРО"),
    "SALT I Interim Agreement": ("the SALT I agreement", "acordul interimar SALT", "Временное соглашение ОСВ-1"),
    "Japan–China Joint Communiqué": ("the Japan–China Joint Communiqué", "comunicatul comun chino-japonez",
                                     "японо-китайское совместное заявление"),
    "Basic Treaty (1972)": ("the Basic Treaty of 1972", "Tratatul fundamental dintre RFG și RDG",
                            "Договор об основах отношений между ГДР и ФРГ"),
    "Helsinki Final Act": ("the Helsinki Final Act", "Actul final de la Helsinki", "Хельсинкский заключительный акт"),
    "Camp David Accords": ("the Camp David Accords", "Acordurile de la Camp David", "Кэмп-Дэвидские соглашения"),
    "Sino-Japanese Treaty of Peace and Friendship": ("the Sino-Japanese Treaty of Peace and Friendship",
                                                     "Tratatul de pace și prietenie chino-japonez",
                                                     "японо-китайский договор о мире и дружбе"),
    "Egypt–Israel Peace Treaty": ("the Egypt–Israel peace treaty", "tratatul de pace egipteano-israelian",
                                  "египетско-израильский мирный договор"),
    "SALT II": ("the SALT II treaty", "tratatul SALT II", "договор ОСВ-2"),
    "Sino-British Joint Declaration": ("the Sino-British Joint Declaration", "Declarația comună chino-britanică",
                                       "китайско-британская совместная декларация"),
    "Sino-Portuguese Joint Declaration": ("the Sino-Portuguese Joint Declaration",
                                          "Declarația comună chino-portugheză",
                                          "китайско-португальская совместная декларация"),
    "Treaty on the Final Settlement with Respect to Germany": (
        "the Two Plus Four Treaty", "tratatul „doi plus patru”",
        "Договор об окончательном урегулировании в отношении Германии"),
    "Treaty on Conventional Armed Forces in Europe": ("the CFE Treaty",
                                                      "Tratatul privind forțele armate convenționale în Europa",
                                                      "Договор об обычных вооружённых силах в Европе"),
    "Romanian–Soviet Treaty (1991)": ("the Romanian–Soviet treaty of April 1991",
                                      "un tratat româno-sovietic semnat în aprilie 1991",
                                      "советско-румынский договор 1991 года"),
    "Sino-Soviet Border Agreement (1991)": ("the 1991 Sino-Soviet border agreement",
                                            "acordul de frontieră sovieto-chinez din 1991",
                                            "соглашение о восточной границе"),
    "START I": ("the START I treaty", "tratatul START 1", "Договор СНВ-1"),
    "Belovezha Accords": ("the Belovezha Accords", "Acordurile de la Belovejskaia Pușcea", "Беловежские соглашения"),
    "Maastricht Treaty": ("the Maastricht Treaty", "Tratatul de la Maastricht", "Маастрихтский договор"),
    "START II": ("START II", "tratatul START II", "СНВ-2"),
    "Oslo I Accord": ("the Oslo Accords", "Acordurile de la Oslo", "Соглашения в Осло"),
    "Oslo II Accord": ("the Oslo II Accord", "Acordul Oslo II", "соглашение Осло-2"),
    "Israel–Jordan Peace Treaty": ("the Israel–Jordan peace treaty", "tratatul de pace dintre Israel și Iordania",
                                   "израильско-иорданский мирный договор"),
    "Budapest Memorandum": ("the Budapest Memorandum", "Memorandumul de la Budapesta", "Будапештский меморандум"),
    "Dayton Agreement": ("the Dayton Agreement", "Acordul de la Dayton", "Дейтонские соглашения"),
    "Romanian–Hungarian Basic Treaty (1996)": ("the Romanian–Hungarian Basic Treaty", "Tratatul de bază româno-ungar",
                                               "румынско-венгерский договор 1996 года"),
    "NATO–Russia Founding Act": ("the NATO–Russia Founding Act", "Actul fondator NATO-Rusia",
                                 "Основополагающий акт Россия — НАТО"),
    "Black Sea Fleet Partition Agreements (1997)": ("the agreements on the partition of the Black Sea Fleet",
                                                    "acordurile privind împărțirea Flotei Mării Negre",
                                                    "соглашения о разделе Черноморского флота"),
    "Russian–Ukrainian Friendship Treaty (1997)": ("the Treaty on Friendship, Cooperation and Partnership",
                                                   "Tratatul de prietenie, cooperare și parteneriat",
                                                   "Договор о дружбе, сотрудничестве и партнёрстве"),
    "Romanian–Ukrainian Treaty (1997)": (
        "the Treaty on Good-Neighbourly Relations and Cooperation between Romania and Ukraine",
        "Tratatul privind relațiile de bună vecinătate și cooperare dintre România și Ucraina",
        "румынско-украинский договор 1997 года"),
    "Good Friday Agreement": ("the Good Friday Agreement", "Acordul din Vinerea Mare", "Соглашение Страстной пятницы"),
    "Union State Treaty (1999)": ("the Union State Treaty", "Tratatul privind crearea statului unional",
                                  "Договор о создании Союзного государства"),
    "Sino-Russian Treaty of Good-Neighbourliness (2001)": (
        "the Treaty of Good-Neighborliness and Friendly Cooperation",
        "Tratatul de bună vecinătate, prietenie și cooperare", "Договор о добрососедстве, дружбе и сотрудничестве"),
    "Strategic Offensive Reductions Treaty": ("the Strategic Offensive Reductions Treaty",
                                              "Tratatul privind reducerea potențialelor ofensive strategice",
                                              "Договор о сокращении стратегических наступательных потенциалов"),
    "Romanian–Russian Basic Treaty (2003)": (
        "the Romanian–Russian basic treaty",
        "Tratatul privind relațiile prietenești și cooperarea dintre România și Federația Rusă",
        "Договор о дружественных отношениях и сотрудничестве между Россией и Румынией"),
    "Sino-Russian Complementary Agreement on the Eastern Border (2004)": (
        "the Complementary Agreement on the eastern section of the border", "Acordul suplimentar privind frontiera",
        "Дополнительное соглашение о российско-китайской государственной границе на её Восточной части"),
    "New START": ("the New START treaty", "tratatul New START", "ДСНВ"),
    "Romanian–Moldovan State Border Treaty (2010)": (
        "the Romanian–Moldovan border treaty",
        "tratatul privind regimul frontierei de stat româno-moldovenești",
        "Договор о режиме государственной границы между Румынией и Республикой Молдова"),
    "EU–Ukraine Association Agreement": ("the EU–Ukraine Association Agreement", "Acordul de asociere cu Ucraina",
                                         "Соглашение об ассоциации между Украиной и ЕС"),
    "EU–Moldova Association Agreement": ("the EU–Moldova Association Agreement",
                                         "Acordul de asociere dintre Republica Moldova și Uniunea Europeană",
                                         "Соглашение об ассоциации с Молдовой"),
    "EU–Georgia Association Agreement": ("the EU–Georgia Association Agreement", "Acordul de asociere cu Georgia",
                                         "Соглашение об ассоциации с Грузией"),
    "Minsk Protocol": ("the Minsk Protocol", "Protocolul de la Minsk", "Минский протокол"),
    "Minsk II": ("the Minsk agreements", "Acordurile de la Minsk", "Минские соглашения"),
    "Joint Comprehensive Plan of Action": ("the Joint Comprehensive Plan of Action", "acordul nuclear cu Iranul",
                                           "СВПД"),
    "Panmunjom Declaration": ("the Panmunjom Declaration", "Declarația de la Panmunjom", "Пханмунджомская декларация"),
    "Treaty of Aachen": ("the Treaty of Aachen", "Tratatul de la Aachen", "Ахенский договор"),
    "Abraham Accords": ("the Abraham Accords", "Acordurile Abraham", "Соглашения Авраама"),
    "Black Sea Grain Initiative": ("the Black Sea Grain Initiative", "Inițiativa privind cerealele la Marea Neagră",
                                   "зерновая сделка"),
}

# canonical territory → a mention in en, ro, ru
TERRITORIES: dict[str, tuple[str, str, str]] = {
    "Crimea": ("the annexation of Crimea by Russia", "anexarea Crimeei de către Rusia", "аннексия Крыма Россией"),
    "Donbas": ("the war in Donbas", "războiul din Donbas", "война в Донбассе"),
    "Donetsk Oblast": ("the shelling of Donetsk", "bombardarea Donețkului", "обстрел Донецка"),
    "Luhansk Oblast": ("the Luhansk region", "regiunea Luhansk", "Луганской области"),
    "Zaporizhzhia Oblast": ("the Zaporizhzhia region", "regiunea Zaporojie", "Запорожской области"),
    "Kherson Oblast": ("the liberation of Kherson", "eliberarea Hersonului", "Херсонской области"),
    "Snake Island": ("Snake Island", "Insula Șerpilor", "остров Змеиный"),
    "Abkhazia": ("the recognition of Abkhazia", "recunoașterea Abhaziei", "признание Абхазии"),
    "South Ossetia": ("South Ossetia", "Osetia de Sud", "Южной Осетии"),
    "Transnistria": ("Russian troops in Transnistria", "trupele ruse din Transnistria",
                     "российские войска в Приднестровье"),
    "Southern Bessarabia": ("southern Bessarabia", "sudul Basarabiei", "Южная Бессарабия"),
    "Transylvania": ("the union of Transylvania with Romania", "unirea Transilvaniei cu România",
                     "присоединение Трансильвании к Румынии"),
    "Northern Transylvania": ("Northern Transylvania", "nordul Transilvaniei", "Северной Трансильвании"),
    "Southern Dobruja": ("Southern Dobruja", "Cadrilaterul", "Южная Добруджа"),
    "Nagorno-Karabakh": ("Nagorno-Karabakh", "Nagorno-Karabah", "Нагорного Карабаха"),
    "Kars and Ardahan": ("Kars and Ardahan", "Kars și Ardahan", "Карс и Ардаган"),
    "Kashmir": ("Kashmir", "Cașmirul", "Кашмира"),
    "Ladakh": ("Ladakh", "Ladakh", "Ладакхе"),
    "Aksai Chin": ("Aksai Chin", "Aksai Chin", "Аксайчин"),
    "Galwan Valley": ("the Galwan Valley", "valea Galwan", "долине Галван"),
    "Arunachal Pradesh": ("the North-East Frontier Agency", "Arunachal Pradesh", "Аруначал-Прадеш"),
    "Doklam": ("the Doklam plateau", "platoul Doklam", "плато Доклам"),
    "Tibet": ("Tibet", "Tibetului", "Тибета"),
    "Hong Kong": ("the handover of Hong Kong", "retrocedarea Hong Kongului", "передача Гонконга"),
    "Macau": ("Macau", "Macao", "Макао"),
    "Okinawa": ("Okinawa", "Okinawa", "Окинавы"),
    "Senkaku Islands": ("the Senkaku Islands", "insulele Senkaku", "острова Сенкаку"),
    "Dokdo": ("Dokdo", "insulele Dokdo", "островов Токто"),
    "Paracel Islands": ("the Paracel Islands", "insulele Paracel", "Парасельских островов"),
    "Spratly Islands": ("the Spratly Islands", "insulele Spratly", "островов Спратли"),
    "Golan Heights": ("the Golan Heights", "Înălțimile Golan", "Голанских высот"),
    "Palestinian territories": ("the Palestinian territories", "teritoriile palestiniene", "палестинских территорий"),
    "West Bank": ("the West Bank", "Cisiordania", "Западного берега реки Иордан"),
    "East Jerusalem": ("East Jerusalem", "Ierusalimul de Est", "Восточного Иерусалима"),
    "Gaza Strip": ("the Gaza Strip", "Fâșia Gaza", "сектора Газа"),
    "Sinai Peninsula": ("the Sinai Peninsula", "Peninsula Sinai", "Синайского полуострова"),
    "Falkland Islands": ("the Falkland Islands", "Insulele Falkland", "Фолклендских островов"),
    "Gibraltar": ("Gibraltar", "Gibraltarului", "Гибралтара"),
    "Western Sahara": ("Western Sahara", "Sahara Occidentală", "Западной Сахары"),
    "Northern Cyprus": ("Northern Cyprus", "Ciprului de Nord", "Северного Кипра"),
    "Kosovo": ("Kosovo", "Kosovo", "Косово"),
    "Northern Ireland": ("Northern Ireland", "Irlanda de Nord", "Северной Ирландии"),
    "Alsace-Lorraine": ("Alsace-Lorraine", "Alsacia-Lorena", "Эльзас-Лотарингии"),
    "Alsace": ("Alsace", "Alsaciei", "Эльзаса"),
    "Lorraine": ("Lorraine", "Lorena", "Лотарингии"),
    "Rhineland": ("the Rhineland", "Renania", "Рейнской демилитаризованной зоны"),
    "Ruhr": ("the Ruhr", "Ruhrul", "Рура"),
    "Sudetenland": ("the Sudetenland", "regiunea sudeților", "Судетской области"),
    "Kaliningrad Oblast": ("Königsberg", "Kaliningradului", "Калининградской области"),
    "Karelia": ("Karelia", "Kareliei", "Карелии"),
    "Karelian Isthmus": ("the Karelian Isthmus", "istmul Karelian", "Карельского перешейка"),
    "Baltic states": ("the Baltic states", "țările baltice", "Прибалтики"),
    "Alaska": ("Alaska", "Alaska", "Аляски"),
    "Russian Far East": ("the Russian Far East", "Orientul Îndepărtat rus", "на Дальнем Востоке"),
    "Primorye": ("the Ussuri region", "ținutul Ussuri", "Уссурийский край"),
    "Amur Region": ("the left bank of the Amur", "regiunea Amur", "левый берег Амура"),
    "Chukotka": ("Chukotka", "Ciukotka", "Чукотки"),
    "Siberia": ("the intervention in Siberia", "intervenția din Siberia", "интервенция в Сибири"),
    "Transbaikalia": ("Transbaikalia", "Transbaikalia", "Забайкалья"),
    "Damansky Island": ("Damansky Island", "insula Damanski", "острове Даманский"),
    "Lake Khasan": ("Lake Khasan", "lacul Hasan", "озера Хасан"),
    "Greenland": ("Greenland", "Groenlanda", "Гренландии"),
    "Essequibo": ("the Essequibo region", "regiunea Essequibo", "региона Эссекибо"),
    "Dalian": ("Dalian", "Dalian", "Далянь"),
}

# Entries that were in the tables before this file (the Russia–Japan ones): named in every language too.
OLDER_AGREEMENTS = {
    "Treaty of Shimoda", "Treaty of Saint Petersburg (1875)", "Treaty of Portsmouth",
    "Soviet–Japanese Basic Convention",
    "Soviet–Japanese Neutrality Pact", "Anti-Comintern Pact", "Treaty of San Francisco",
    "Soviet–Japanese Joint Declaration (1956)",
    "Treaty of Mutual Cooperation and Security between the United States and Japan", "Tokyo Declaration (1993)",
    "Irkutsk Statement (2001)", "Peace treaty", "Intermediate-Range Nuclear Forces Treaty",
}
OLDER_TERRITORIES = {
    "Kuril Islands", "North Kuril Islands", "South Kuril Islands", "Iturup", "Kunashir", "Shikotan", "Habomai",
    "Shumshu", "Urup", "Sakhalin", "South Sakhalin", "North Sakhalin", "Kamchatka", "Manchuria", "Liaodong Peninsula",
    "Port Arthur", "Korea", "Tsushima", "Taiwan", "Bessarabia", "Northern Bukovina",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def resolve(lang: str, text: str, table: str) -> list[str]:
    """The names a sentence gives, as the extractor finds them: longest match first, no overlaps,
    in the order they stand."""
    adapter = adapter_for(lang)
    assert adapter is not None
    tokens = adapter.tokenize(text)
    patterns = getattr(load_language(lang), table)
    taken = [False] * len(tokens)
    found = []
    for i, j, p in sorted(patterns.find(tokens), key=lambda m: (-(m[1] - m[0]), m[0])):
        if not any(taken[i:j]):
            taken[i:j] = [True] * (j - i)
            found.append((i, p.payload))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def _codes() -> set[str]:
    _, extra = load_polities()
    return {alpha3 for alpha3, _ in load_iso3166().values()} | set(extra)


def test_every_agreement_and_territory_has_a_sample():
    assert set(AGREEMENTS) | OLDER_AGREEMENTS == set(load_hierarchy("agreements"))
    assert set(TERRITORIES) | OLDER_TERRITORIES == set(load_hierarchy("territories"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_has_a_name_in_every_language(lang):
    data = load_language(lang)
    named_agreements = {p.payload for p in data.agreements.patterns}
    named_territories = {p.payload for p in data.territories.patterns}
    assert set(load_hierarchy("agreements")) - named_agreements == set()
    assert set(load_hierarchy("territories")) - named_territories == set()


@pytest.mark.parametrize("lang", LANGS)
def test_agreement_mentions_resolve(lang):
    k = LANGS.index(lang)
    wrong = {name: resolve(lang, samples[k], "agreements") for name, samples in AGREEMENTS.items()}
    wrong = {name: got for name, got in wrong.items() if got[:1] != [name]}
    assert wrong == {}


@pytest.mark.parametrize("lang", LANGS)
def test_territory_mentions_resolve(lang):
    k = LANGS.index(lang)
    wrong = {name: resolve(lang, samples[k], "territories") for name, samples in TERRITORIES.items()}
    wrong = {name: got for name, got in wrong.items() if got[:1] != [name]}
    assert wrong == {}


def test_agreement_rows_are_well_formed():
    codes = _codes()
    for name, row in load_hierarchy("agreements").items():
        if name == "Peace treaty":
            continue
        assert isinstance(row["signed"], int) and 1600 < row["signed"] < 2030, name
        assert len(row["parties"]) >= 2, name
        assert len(set(row["parties"])) == len(row["parties"]), name
        assert set(row["parties"]) <= codes, (name, set(row["parties"]) - codes)


def test_territory_rows_are_well_formed():
    table = load_hierarchy("territories")
    codes = _codes()
    for name, row in table.items():
        assert row.get("part_of") is None or row["part_of"] in table, name
        last_until = None
        for h in row.get("holders") or []:
            assert h["code"] in codes, (name, h)
            for key in ("from", "until"):
                assert h[key] is None or ISO_DATE.fullmatch(h[key]), (name, h)
            assert h["from"] is None or h["until"] is None or h["from"] < h["until"], (name, h)
            assert last_until is None or h["from"] is not None and h["from"] >= last_until, (name, h)
            last_until = h["until"]
    for name in table:  # the part-of hierarchy has no cycles
        seen, cur = set(), name
        while cur:
            assert cur not in seen, name
            seen.add(cur)
            cur = table[cur].get("part_of")


@pytest.mark.parametrize(("territory", "date", "holder"), [
    ("Crimea", "2000-01-01", "UKR"), ("Crimea", "2015-01-01", "RUS"), ("Crimea", "1943-01-01", "DEU"),
    ("Donetsk Oblast", "2022-03-01", "UKR"),  # through Donbas
    ("Northern Transylvania", "1942-01-01", "HUN"), ("Northern Transylvania", "1950-01-01", "ROU"),
    ("Southern Bessarabia", "1870-01-01", "ROU"), ("Southern Bessarabia", "1930-01-01", "ROU"),
    ("Southern Bessarabia", "2000-01-01", "UKR"), ("Bessarabia", "2000-01-01", "MDA"),
    ("Gaza Strip", "1980-01-01", "ISR"), ("Gaza Strip", "2010-01-01", "PSE"), ("East Jerusalem", "1960-01-01", "JOR"),
    ("Galwan Valley", "2020-06-15", "IND"), ("Falkland Islands", "1982-05-01", "ARG"),
    ("Hong Kong", "1990-01-01", "GBR"), ("Hong Kong", "2000-01-01", "CHN"), ("Alaska", "1900-01-01", "USA"),
    ("Taiwan", "1960-01-01", "TWN"), ("Aksai Chin", "2000-01-01", None),
])
def test_holders_over_time(territory, date, holder):
    assert holder_at(territory, date) == holder


def test_a_holder_took_the_territory_from_the_one_before_it():
    assert taken_from("Sinai Peninsula", "ISR", "1979-03-26") == "EGY"
    assert taken_from("Sinai Peninsula", "EGY", "1990-01-01") == "ISR"
    assert taken_from("Sinai Peninsula", "ISR", "1990-01-01") is None  # Israel held none of it then


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gazprom and CNPC signed a contract for the Power of Siberia pipeline."),
    ("ro", "Gazprom și CNPC au semnat contractul pentru gazoductul Puterea Siberiei."),
    ("ru", "«Газпром» и CNPC заключили контракт на поставку газа по газопроводу «Сила Сибири»."),
])
def test_a_pipeline_named_after_a_region_is_no_territory(lang, text):
    assert resolve(lang, text, "territories") == []


def test_bilateral_treaties_name_their_parties():
    assert agreement_parties("Treaty of Nerchinsk") == ("CHN", "RUS")
    assert agreement_parties("Molotov–Ribbentrop Pact") == ("DEU", "RUS")
    assert agreement_parties("Romanian–Hungarian Basic Treaty (1996)") == ("HUN", "ROU")


@pytest.mark.parametrize(("lang", "text", "agreement", "year"), [
    ("en", "The Molotov–Ribbentrop Pact was signed on 23 August 1939.", "Molotov–Ribbentrop Pact", "1939"),
    ("ro", "Tratatul de la Trianon a fost semnat de Ungaria la 4 iunie 1920.", "Treaty of Trianon", "1920"),
    ("ru", "28 июня 1919 года Германия и Франция подписали Версальский мирный договор.", "Treaty of Versailles",
     "1919"),
    ("en", "On 27 August 1689 Russia and China signed the Treaty of Nerchinsk.", "Treaty of Nerchinsk", "1689"),
    ("ru", "Пакт Молотова — Риббентропа был подписан 23 августа 1939 года.", "Molotov–Ribbentrop Pact", "1939"),
    # a named treaty with its subject: not the bare "договор о нейтралитете" of 1941
    ("ru", "24 апреля 1926 года Германия и СССР подписали Берлинский договор о нейтралитете.",
     "Treaty of Berlin (1926)", "1926"),
])
def test_a_signing_names_its_agreement(lang, text, agreement, year):
    doc = process(text, DocumentMeta("case.txt", language=lang))
    signed = [e for e in doc.events if e.kind == "SIGN_AGREEMENT"]
    assert signed, [(e.kind, e.agreement) for e in doc.events]
    assert signed[0].agreement == agreement
    assert signed[0].date is not None and signed[0].date.start[:4] == year


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In March 2014 the annexation of Crimea by Russia was condemned by Ukraine."),
    ("ro", "În martie 2014, anexarea Crimeei de către Rusia a fost condamnată de Ucraina."),
    ("ru", "В марте 2014 года Украина осудила аннексию Крыма Россией."),
])
def test_an_annexation_names_its_territory(lang, text):
    doc = process(text, DocumentMeta("case.txt", language=lang))
    assert any(e.territory and "Crimea" in e.territory for e in doc.events), \
        [(e.kind, e.territory) for e in doc.events]


@pytest.mark.parametrize(("lang", "text", "target"), [
    ("en", "In June 1967 Israel occupied the Golan Heights.", "SYR"),
    ("ro", "În iunie 1967, Israelul a ocupat Peninsula Sinai.", "EGY"),
    ("ru", "В 1940 году Венгрия оккупировала Северную Трансильванию.", "ROU"),
])
def test_an_occupation_with_no_target_takes_the_holder(lang, text, target):
    doc = process(text, DocumentMeta("case.txt", language=lang))
    occupied = [e for e in doc.events if e.kind == "OCCUPY"]
    assert occupied and occupied[0].target is not None and occupied[0].target.code == target, \
        [(e.kind, e.target, e.territory) for e in doc.events]
