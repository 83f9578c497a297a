// What the offline storyteller knows about each scene beyond lib/game/scenes.ts: things a party can
// notice or search, who answers when spoken to, and what a search turns up for each choice a clue
// can unlock. Written to match the scenes' own narration.
import type { SceneKey } from "@/lib/game/types";

export type SceneDetail = {
  /** Words a player might use for it ("altar", "shrine"); the first is its name. */
  nouns: readonly string[];
  /** What the party notices, as a noun phrase ("an altar worn smooth by a century of hands"). */
  sight: string;
};

export type SceneCharacter = {
  /** Words a player might use for them; the first is how the narration names them. */
  nouns: readonly string[];
  /** Used in story flags: "befriended-<slug>". */
  slug: string;
  /** What they say or do when spoken to. */
  replies: readonly string[];
};

export type SceneLore = {
  details: readonly SceneDetail[];
  characters: readonly SceneCharacter[];
  /** Choice id → what searching reveals that opens it (choices locked by a class or an earlier choice). */
  clueHints: Readonly<Record<string, string>>;
};

export const SCENE_LORE: Readonly<Record<SceneKey, SceneLore>> = {
  scene1: {
    details: [
      { nouns: ["map", "parchment"], sight: "the map's silver ink, which still smells faintly of smoke" },
      { nouns: ["shutters", "window", "windows"], sight: "frost creeping in through the gaps in the shutters" },
      { nouns: ["table", "tables"], sight: "a falling star scratched into the table with a knife point" },
      { nouns: ["hearth", "fire", "fireplace"], sight: "a hearth where someone has been burning old mine timbers" },
      { nouns: ["coin", "coins", "purse"], sight: "the stranger's coin, stamped with a mountain and a falling star" },
      { nouns: ["tankard", "tankards", "ale", "bar"], sight: "a row of cracked tankards, each one older than the last" },
    ],
    characters: [
      {
        nouns: ["cartographer", "stranger", "mapmaker", "hooded"],
        slug: "cartographer",
        replies: [
          'The cartographer taps the map: "The shard lies past the Rune Gate. Everything between is your problem."',
          'The hooded stranger only smiles: "Ask the miners, if you like. They talk for ale."',
        ],
      },
      {
        nouns: ["miners", "miner", "locals", "regulars"],
        slug: "miners",
        replies: [
          'An old miner leans in: "There\'s a goat path past the Old Bridge. Saves a day, costs a knee."',
          "The miners grumble that the hills have hummed for three nights and nobody sleeps.",
        ],
      },
      {
        nouns: ["barkeep", "innkeeper", "bartender", "landlord"],
        slug: "barkeep",
        replies: ['The barkeep slides a bowl of stew across: "On the house, if you\'re the ones going up."'],
      },
    ],
    clueHints: {},
  },
  scene2: {
    details: [
      { nouns: ["grille", "bars", "bar"], sight: "an iron grille with one bar worn thin by years of rattling" },
      { nouns: ["booth", "hut"], sight: "the warden's booth, warm and smelling of onions" },
      { nouns: ["lock", "postern", "door"], sight: "the postern door, its lock crusted with old ice" },
      { nouns: ["wall", "walls", "stones"], sight: "the wall's stones, glazed with ice" },
      { nouns: ["gate"], sight: "the great gate, barred with a beam as thick as a man" },
      { nouns: ["pines", "trees", "road"], sight: "black pines beyond the wall, bending under the snow" },
    ],
    characters: [
      {
        nouns: ["warden", "guard", "watchman"],
        slug: "gate-warden",
        replies: [
          'The warden snorts awake: "Gate opens at dawn. Or for the night toll, if you\'ve got it."',
          '"Nobody goes up the mountain these nights," the warden mutters. "Nobody sensible."',
        ],
      },
    ],
    clueHints: {
      "pick-lock": "that the postern's lock is rusted so loose any steady hand with a bent nail could work it open",
    },
  },
  scene3: {
    details: [
      { nouns: ["tracks", "prints", "trail", "snow"], sight: "wolf tracks, fresh and circling wide" },
      { nouns: ["lights", "light", "wisps", "lanterns"], sight: "pale lights that drift away whenever you look straight at them" },
      { nouns: ["pines", "trees", "bark", "tree"], sight: "pine bark scored by claws at shoulder height" },
      { nouns: ["fog", "mist"], sight: "fog so thick it beads on your eyelashes" },
    ],
    characters: [
      {
        nouns: ["wolves", "wolf", "pack"],
        slug: "wolves",
        replies: ["The pack answers with a long howl, closer than you would like.", "Yellow eyes blink in the fog; the wolves keep their own counsel."],
      },
      {
        nouns: ["lights", "wisps", "lanterns"],
        slug: "lights",
        replies: ["The lights giggle, a sound like small bells, and drift a little further off."],
      },
    ],
    clueHints: {
      "track-wolves": "that the pack's tracks loop the same way every time: anyone who reads the loop can lead the party around them",
    },
  },
  scene4: {
    details: [
      { nouns: ["bridge", "ropes", "planks", "rope"], sight: "ropes frayed but holding, and planks slick with rain" },
      { nouns: ["bowl", "toll"], sight: "the troll's bowl, full of buttons, coins and one boot" },
      { nouns: ["crown"], sight: "a tin crown, dented and proudly polished" },
      { nouns: ["gorge", "river", "water"], sight: "the gorge below, brown and loud with rainwater" },
      { nouns: ["post", "posts"], sight: "a bridge post carved with tally marks and a few rude words" },
      { nouns: ["ledge", "cliff", "rocks"], sight: "a narrow ledge climbing away from the bridge" },
    ],
    characters: [
      {
        nouns: ["troll", "keeper"],
        slug: "troll",
        replies: [
          'The troll rattles his bowl: "Song or silver. Or swim. Troll is not picky."',
          'The troll scratches under his crown: "Nobody sings any more. Very sad for troll."',
        ],
      },
    ],
    clueHints: {
      "sing-toll": "an old toll-song scratched into the bridge post, simple enough for anyone to stumble through",
      "goat-path": "goat tracks on a narrow ledge past the bridge: the miners' goat path",
    },
  },
  scene5: {
    details: [
      { nouns: ["candles", "candle"], sight: "candles that burn without ever getting shorter" },
      { nouns: ["spring", "water", "pool"], sight: "a warm spring that smells of iron and clean stone" },
      { nouns: ["box", "offerings", "coins"], sight: "the offering box, its lock long since broken" },
      { nouns: ["altar", "shrine"], sight: "an altar worn smooth by a century of hands" },
      { nouns: ["moss", "statue", "saint"], sight: "moss growing in the shape of a lantern across the Saint's statue" },
    ],
    characters: [
      {
        nouns: ["saint", "statue", "shrine"],
        slug: "lantern-saint",
        replies: ["The candles lean toward you as one, then straighten. The Saint is listening."],
      },
    ],
    clueHints: {
      "cleric-prayer": "a prayer carved under the altar, simple enough for anyone to speak",
    },
  },
  scene6: {
    details: [
      { nouns: ["sigils", "sigil", "carvings", "hammer", "flame", "scales"], sight: "three sigils cut deep above the entrance: a hammer, a flame and a pair of scales" },
      { nouns: ["ladders", "ladder"], sight: "old ladders dropping into the dark, their rungs patched with wire" },
      { nouns: ["rubble", "blackpowder", "cask", "powder"], sight: "rubble, and a cask of blackpowder the miners left behind" },
      { nouns: ["mine", "entrance", "mouth", "shaft"], sight: "the mine mouth, breathing warm air out into the storm" },
    ],
    characters: [
      {
        nouns: ["shard", "hum", "mountain"],
        slug: "shard",
        replies: ["The hum answers in a chord you feel in your teeth."],
      },
    ],
    clueHints: {},
  },
  scene7: {
    details: [
      { nouns: ["water", "pool", "flood"], sight: "black water that steams where it touches the rock" },
      { nouns: ["carts", "cart", "wreckage"], sight: "drowned ore carts, one of them still holding a sealed tin" },
      { nouns: ["ledge", "wall", "chalk"], sight: "a narrow ledge along the far wall, marked with old chalk" },
      { nouns: ["rock", "walls", "ceiling"], sight: "walls sweating warm droplets" },
    ],
    characters: [
      {
        nouns: ["creature", "something", "thing", "water"],
        slug: "water-thing",
        replies: ["Something in the water stirs, considers you, and sinks away."],
      },
    ],
    clueHints: {
      "rogue-ledge": "old chalk marks along the ledge: a miner's route, hold by hold, that anyone careful could follow",
    },
  },
  scene8: {
    details: [
      { nouns: ["forges", "forge", "anvil", "anvils"], sight: "cold forges, their anvils furred with soot" },
      { nouns: ["armour", "armor"], sight: "the Warden's armour, glowing like a coal at every seam" },
      { nouns: ["hammer"], sight: "a hammer the size of a door" },
      { nouns: ["banners", "banner", "flags"], sight: "scorched banners of the old mine-guard" },
    ],
    characters: [
      {
        nouns: ["warden", "knight", "guardian", "ember"],
        slug: "ember-warden",
        replies: [
          'The Warden\'s voice grinds like stone on stone: "The oath holds. None pass."',
          '"You speak of the town," the Warden rumbles. "I remember the town."',
        ],
      },
    ],
    clueHints: {},
  },
  scene9: {
    details: [
      { nouns: ["crystals", "crystal", "pillars"], sight: "crystals as tall as chapel pillars, each humming its own note" },
      { nouns: ["facets", "light", "glow"], sight: "facets full of the shard's light" },
      { nouns: ["floor", "splinters", "shards"], sight: "a floor scattered with fallen crystal splinters" },
      { nouns: ["air"], sight: "air that tastes of lightning" },
    ],
    characters: [
      {
        nouns: ["crystals", "crystal", "caverns"],
        slug: "crystals",
        replies: ["The crystals hum back, a chord that almost sounds like a word."],
      },
    ],
    clueHints: {
      "cleric-blessing": "a ring of old offerings around the tallest crystal, which carries any blessing spoken there",
      "bard-harmony": "a crystal that hums the first notes of a tune anyone could pick up and sing",
    },
  },
  scene10: {
    details: [
      { nouns: ["runes", "rune"], sight: "runes crawling like embers under ash" },
      { nouns: ["keyhole", "lock"], sight: "a keyhole spilling dawn light onto the stair" },
      { nouns: ["door", "gate", "star-iron"], sight: "a round door of star-iron, warm to the touch" },
      { nouns: ["stair", "stairs", "steps"], sight: "the last stair, worn into a dip by old boots" },
    ],
    characters: [
      {
        nouns: ["door", "runes", "gate"],
        slug: "rune-gate",
        replies: ["The runes shift and resettle, as if waiting for the right words."],
      },
    ],
    clueHints: {
      "read-runes": "a miner's crib-sheet tucked into a crack, the rune-words written out plainly",
      "pick-gate-lock": "a bent star-iron pick left in the keyhole, half the work already done",
    },
  },
  scene11: {
    details: [
      { nouns: ["shard", "star", "light"], sight: "the shard, a splinter of star too bright to look at" },
      { nouns: ["runes", "ring", "circle"], sight: "a ring of runes, waiting to close" },
      { nouns: ["sky", "storm", "clouds"], sight: "a storm-torn dawn sky" },
    ],
    characters: [
      {
        nouns: ["shard", "voice", "star"],
        slug: "shard",
        replies: ['The shard\'s voice fills your heads: "Take me. Be more."', "The shard answers with a promise too large to believe."],
      },
    ],
    clueHints: {},
  },
};
