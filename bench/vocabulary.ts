// Word lists the synthetic corpus is written from: French for French posts, English for English ones.

export interface Vocabulary {
  /** Noun phrases with their article: subjects and objects of sentences. */
  nounPhrases: readonly string[];
  /** Third-person verbs taking an object. */
  verbs: readonly string[];
  adjectives: readonly string[];
  /** Phrases that end a sentence: place, time, manner. */
  complements: readonly string[];
  /** Sentence openers, written without their comma. */
  openers: readonly string[];
  /** Words joining two clauses. */
  connectors: readonly string[];
  /** Openings of questions, followed by a clause. */
  questions: readonly string[];
  /** Words introducing a list of three things before a colon. */
  listIntros: readonly string[];
  /** "They tell us about … but …": [before the quoted phrase, between it and the clause]. */
  quoted: readonly [string, string];
  /** Names of made-up command-line tools for code blocks. */
  commands: readonly string[];
  /** Tag pool; the same index is the same tag in every language. */
  tags: readonly string[];
  /** The word for "and". */
  and: string;
  /** Whether adjectives come before the noun (English) or after it (French). */
  adjectiveFirst: boolean;
  /** What is written before : ; ? ! — a space in French usage, nothing in English. */
  highPunctuationSpace: string;
  /** Opening and closing quote marks as writers type them. */
  quoteMarks: readonly [string, string];
}

export const FRENCH: Vocabulary = {
  nounPhrases: [
    "la centrale", "le réseau", "les données", "l'usine", "la mine", "le quartier", "les serveurs", "la commune",
    "le collectif", "les habitants", "la région", "le barrage", "les câbles", "la vallée", "le chantier", "les machines",
    "l'entrepôt", "la rivière", "le marché", "les écrans", "la plateforme", "le capteur", "les batteries", "l'algorithme",
    "la forêt", "le village", "les ouvrières", "la préfecture", "le syndicat", "les paysans", "l'école", "la bibliothèque",
    "le calcul", "les métaux", "la nappe phréatique", "le territoire", "les élus", "l'entreprise", "la ligne électrique",
    "le modèle", "les câbles sous-marins", "l'hôpital", "la campagne", "le port", "les camions", "la gare", "le stockage",
    "les puces", "l'assemblée", "la coopérative", "le transformateur", "les lycéens", "la carrière", "le forage",
    "les voisins", "l'atelier", "la mairie", "le centre de données", "les terres agricoles", "l'autoroute",
  ],
  verbs: [
    "alimente", "réclame", "transforme", "épuise", "surveille", "consomme", "détourne", "remplace", "refroidit", "dévore",
    "déplace", "accapare", "mesure", "justifie", "dissimule", "menace", "accélère", "bouleverse", "rend visible", "fragilise",
    "contourne", "protège", "occupe", "assèche", "numérise", "finance", "rejette", "organise", "promet", "isole",
    "ignore", "décrit", "dénonce", "soutient", "relie", "rassemble", "défend", "raconte", "interroge", "prolonge",
  ],
  adjectives: [
    "silencieux", "immense", "fragile", "opaque", "durable", "lointain", "collectif", "invisible", "local", "brutal",
    "ordinaire", "rapide", "public", "modeste", "ancien", "nouveau", "fatigué", "rare", "précieux", "coûteux",
    "automatique", "vivant", "commun", "partagé", "souterrain", "électrique", "numérique", "sobre", "têtu", "discret",
    "obstiné", "urbain", "rural", "massif", "tranquille", "inutile", "solide", "gourmand", "lent", "sauvage",
  ],
  complements: [
    "dans les campagnes", "sans le dire", "depuis des années", "au bord de la rivière", "chaque hiver",
    "à la place des habitants", "pour quelques écrans", "loin des regards", "au nom du progrès", "malgré les promesses",
    "jusqu'au dernier litre", "à l'échelle du pays", "sous nos pieds", "en pleine sécheresse", "avec l'argent public",
    "contre l'avis du conseil", "derrière les grilles", "au fil des saisons", "sans consulter personne", "pendant la nuit",
    "à la sortie du bourg", "dans chaque foyer", "pour les actionnaires", "d'une vallée à l'autre", "au prix de nos terres",
    "à bas bruit", "en quelques mois", "sur les deux rives", "entre deux élections", "au cœur de l'été",
    "tout au long de l'année", "à la lisière de la forêt", "dans l'indifférence", "pour la troisième fois", "en silence",
  ],
  openers: [
    "Pourtant", "Depuis dix ans", "Chaque matin", "Dans les faits", "Au bout du compte", "Ailleurs", "En réalité",
    "Pendant ce temps", "De fait", "À première vue", "Ensuite", "Au contraire", "Surtout", "Autrement dit", "Cette année",
    "Plus loin", "D'abord", "Enfin", "Là-bas", "Souvent",
  ],
  connectors: ["mais", "alors que", "et", "tandis que", "puisque", "parce que", "si bien que", "quand"],
  questions: ["Pourquoi", "Comment se fait-il que", "Qui décide si", "Faut-il accepter que", "Jusqu'où"],
  listIntros: ["Trois choses comptent ici", "Le bilan tient en peu de mots", "Retenons l'essentiel", "Il faut le redire"],
  quoted: ["On nous parle de", "mais"],
  commands: ["releve", "compte", "trace", "mesure", "archive"],
  tags: [
    "énergie", "climat", "eau", "numérique", "surveillance", "démocratie", "travail", "sobriété", "mines", "agriculture",
    "transports", "logement", "santé", "école", "données", "résistance", "forêts", "électricité", "libertés", "économie",
  ],
  and: "et",
  adjectiveFirst: false,
  highPunctuationSpace: " ",
  quoteMarks: ["« ", " »"],
};

export const ENGLISH: Vocabulary = {
  nounPhrases: [
    "the power plant", "the grid", "the data", "the factory", "the mine", "the neighbourhood", "the servers",
    "the town council", "the collective", "the residents", "the region", "the dam", "the cables", "the valley",
    "the building site", "the machines", "the warehouse", "the river", "the market", "the screens", "the platform",
    "the sensor", "the batteries", "the algorithm", "the forest", "the village", "the workers", "the prefecture",
    "the union", "the farmers", "the school", "the library", "the computation", "the metals", "the water table",
    "the land", "the councillors", "the company", "the power line", "the model", "the undersea cables", "the hospital",
    "the countryside", "the harbour", "the lorries", "the station", "the storage", "the chips", "the assembly",
    "the cooperative", "the transformer", "the pupils", "the quarry", "the borehole", "the neighbours", "the workshop",
    "the town hall", "the data centre", "the farmland", "the motorway",
  ],
  verbs: [
    "feeds", "demands", "transforms", "exhausts", "watches", "consumes", "diverts", "replaces", "cools", "devours",
    "moves", "grabs", "measures", "justifies", "hides", "threatens", "speeds up", "upsets", "reveals", "weakens",
    "bypasses", "protects", "occupies", "dries up", "digitises", "funds", "rejects", "organises", "promises", "isolates",
    "ignores", "describes", "denounces", "supports", "connects", "gathers", "defends", "tells", "questions", "extends",
  ],
  adjectives: [
    "silent", "huge", "fragile", "opaque", "lasting", "distant", "shared", "invisible", "local", "brutal",
    "ordinary", "fast", "public", "modest", "old", "new", "tired", "rare", "precious", "costly",
    "automatic", "living", "common", "collective", "underground", "electric", "digital", "frugal", "stubborn", "discreet",
    "patient", "urban", "rural", "massive", "quiet", "useless", "solid", "hungry", "slow", "wild",
  ],
  complements: [
    "in the countryside", "without saying so", "for years now", "on the riverbank", "every winter",
    "instead of the residents", "for a few screens", "out of sight", "in the name of progress", "despite the promises",
    "down to the last litre", "across the whole country", "beneath our feet", "in the middle of a drought", "with public money",
    "against the council's advice", "behind the fences", "season after season", "without asking anyone", "during the night",
    "at the edge of town", "in every household", "for the shareholders", "from one valley to the next", "at the cost of our land",
    "quietly", "within a few months", "on both banks", "between two elections", "at the height of summer",
    "all year round", "at the edge of the forest", "while nobody watches", "for the third time", "in silence",
  ],
  openers: [
    "Yet", "For ten years", "Every morning", "In practice", "In the end", "Elsewhere", "In reality", "Meanwhile",
    "In fact", "At first sight", "Then", "On the contrary", "Above all", "In other words", "This year", "Further on",
    "First", "Finally", "Over there", "Often",
  ],
  connectors: ["but", "while", "and", "whereas", "since", "because", "so that", "when"],
  questions: ["Why is it that", "How come", "Who decides whether", "Must we accept that", "How long before"],
  listIntros: ["Three things matter here", "The outcome fits in a few words", "Let us keep the essentials", "It bears repeating"],
  quoted: ["They tell us about", "but"],
  commands: ["survey", "count", "trace", "measure", "archive"],
  tags: [
    "energy", "climate", "water", "digital", "surveillance", "democracy", "work", "sufficiency", "mining", "farming",
    "transport", "housing", "health", "school", "data", "resistance", "forests", "electricity", "civil liberties", "economy",
  ],
  and: "and",
  adjectiveFirst: true,
  highPunctuationSpace: "",
  quoteMarks: ['"', '"'],
};
