/**
 * The Emberpeak Shard: eleven scenes, from a snowed-in tavern to the star shard at the peak.
 *
 * Scripted paths (party: Fighter, Wizard, Rogue, Cleric, in that order; Fighter leads):
 *
 * Safe path (everyone survives, ending "warden-rest"; exported as SAFE_PATH):
 *   1 take-map · 2 pick-lock · 3 keep-trail · 4 pay-troll · 5 cleric-prayer ·
 *   6 symbol "balance" then scales-path · 7 rogue-ledge · 8 parley · 9 cleric-blessing ·
 *   10 read-runes · 11 seal-shard
 *
 * Reckless path (the whole party falls in scene 8; scene 7 is skipped and logged as null):
 *   1 bar-brawl · 2 climb-wall · 3 hunt-wolves · 4 fight-troll · 5 rob-offerings ·
 *   6 symbol "chaos" then blast-rubble (jumps to 8) · 8 fight
 *
 * Shortcut: "ask-locals" in scene 1 unlocks "goat-path" in scene 4, which skips scene 5.
 */
import type { ChoiceLog, Ending, Scene, SceneKey, SymbolChoice } from "./types";

export const SCENES: readonly Scene[] = [
  {
    index: 1,
    key: "scene1",
    title: "The Cracked Tankard",
    location: "Emberpeak Tavern",
    time_of_day: "dusk",
    weather: "snow",
    narration:
      "Snow hisses against the shutters of the Cracked Tankard. Three nights ago a star split open above Emberpeak and a shard of it fell into the old mines; now the hills hum and the miners won't go home. A hooded cartographer slides a map across your party's table: \"Seal it or claim it. Just don't leave it there.\"",
    choices: [
      {
        id: "take-map",
        label: "Take the map and the stranger's coin",
        outcome: "The map is inked in silver and smells of smoke. The coin buys your party a warm bed and an early start.",
      },
      {
        id: "ask-locals",
        label: "Buy a round and ask the miners",
        outcome:
          "Loosened by ale, an old miner whispers of a goat path past the Old Bridge that \"saves a day and costs a knee.\"",
      },
      {
        id: "bar-brawl",
        label: "Pick a fight with the rowdy miners",
        outcome: "Tankards fly and so do fists. Your party wins the room, and every bruise that comes with it.",
        hp: [{ target: "party", delta: -3 }],
      },
    ],
  },
  {
    index: 2,
    key: "scene2",
    title: "The Barred Gate",
    location: "Town Gate",
    time_of_day: "night",
    weather: "snow",
    narration:
      "The town gate is barred for the night, and the warden snores in his booth behind an iron grille. Beyond the wall, the road climbs into black pines toward the mountain.",
    choices: [
      {
        id: "bribe-warden",
        label: "Wake the warden and pay the night toll",
        outcome: "Grumbling, he counts your coppers twice and cranks the gate open just wide enough.",
      },
      {
        id: "pick-lock",
        label: "Let the Rogue pick the postern lock",
        outcome: "A twist, a click, a grin. The little side door swings open without a squeak.",
        requires: { heroClass: "Rogue" },
      },
      {
        id: "climb-wall",
        label: "Climb the icy wall",
        outcome: "A frozen stone gives way under your leader's boot. The fall is short; the landing is not.",
        hp: [{ target: "leader", delta: -4 }],
      },
    ],
  },
  {
    index: 3,
    key: "scene3",
    title: "Whispering Pines",
    location: "Pinewood Forest",
    time_of_day: "dawn",
    weather: "fog",
    narration:
      "Fog pools between the pines, and pale lights bob just off the trail like lanterns carried by no one. Somewhere close, a wolf pack is counting you.",
    choices: [
      {
        id: "keep-trail",
        label: "Keep to the trail, weapons ready",
        outcome: "The wolves shadow you for a mile and snap once at your leader before slinking off to easier prey.",
        hp: [{ target: "leader", delta: -2 }],
      },
      {
        id: "track-wolves",
        label: "Let the Ranger lead you around the pack",
        outcome: "The Ranger reads the snow like a book. The pack never even catches your scent.",
        requires: { heroClass: "Ranger" },
      },
      {
        id: "follow-lights",
        label: "Follow the floating lights",
        outcome: "The lights lead you in circles through thornbrake, then wink out, giggling.",
        hp: [{ target: "party", delta: -3 }],
      },
      {
        id: "hunt-wolves",
        label: "Hunt down the wolf pack",
        outcome: "Fur, fangs and fury. The pack breaks, but not before leaving its mark on every one of you.",
        hp: [{ target: "party", delta: -5 }],
      },
    ],
  },
  {
    index: 4,
    key: "scene4",
    title: "The Troll's Toll",
    location: "Old Bridge",
    time_of_day: "day",
    weather: "rain",
    narration:
      "A rope-and-plank bridge sags over a gorge swollen with rain. Beneath it a troll in a tin crown rattles a bowl: \"Toll's a song or a silver. Or a swim.\"",
    choices: [
      {
        id: "pay-troll",
        label: "Pay the troll in silver",
        outcome: "The troll bites each coin, approves, and waves you across with a bow that nearly topples him.",
      },
      {
        id: "sing-toll",
        label: "Let the Bard pay the toll in song",
        outcome: "The troll weeps into his crown and insists on walking you across himself.",
        requires: { heroClass: "Bard" },
      },
      {
        id: "goat-path",
        label: "Take the miner's goat path (skip ahead)",
        outcome:
          "The goat path is steep and mean, but by nightfall the mine mouth yawns before you. The wayside shrine is left far below.",
        hp: [{ target: "party", delta: -2 }],
        requires: { earlier: { scene: "scene1", choice: "ask-locals" } },
        next: 6,
      },
      {
        id: "fight-troll",
        label: "Fight the troll for the bridge",
        outcome: "The troll fights like a landslide with opinions. You win the bridge and lose a good deal of skin.",
        hp: [{ target: "party", delta: -6 }],
      },
    ],
  },
  {
    index: 5,
    key: "scene5",
    title: "The Lantern Saint",
    location: "Wayside Shrine",
    time_of_day: "dusk",
    weather: "clear",
    narration:
      "A moss-green shrine to the Lantern Saint clings to the cliffside, its candles somehow still lit. A warm spring bubbles at its feet, and an offering box rattles with old coins.",
    choices: [
      {
        id: "rest-spring",
        label: "Rest by the warm spring",
        outcome: "The water is warm as a hearth. Aches unknot and cuts close while the candles keep watch.",
        hp: [{ target: "party", delta: 6 }],
      },
      {
        id: "cleric-prayer",
        label: "Let the Cleric pray at the altar",
        outcome: "The prayer is answered in a hush of golden light, and every wound in your party closes.",
        hp: [{ target: "party", delta: 10 }],
        requires: { heroClass: "Cleric" },
      },
      {
        id: "rob-offerings",
        label: "Empty the offering box",
        outcome: "Forty coppers richer, you feel the candles turn to watch you go. Every step after that stings.",
        hp: [{ target: "party", delta: -4 }],
      },
    ],
  },
  {
    index: 6,
    key: "scene6",
    title: "Three Sigils",
    location: "Mine Entrance",
    time_of_day: "night",
    weather: "storm",
    narration:
      "Lightning splits the sky above the mine mouth. Three sigils are carved over the entrance: a hammer, a flame and a pair of scales. The shard's hum rises as you step closer, waiting for your party to choose.",
    symbolPrompt: {
      text: "Which sigil does your party touch?",
      options: [
        {
          symbol: "order",
          label: "The hammer: law, oath and keeping",
          outcome: "The hammer flares a cold blue. Your party feels steadied, bound to a purpose.",
        },
        {
          symbol: "chaos",
          label: "The flame: change, wildness and will",
          outcome: "The flame roars red. Your party's blood runs hot and reckless.",
        },
        {
          symbol: "balance",
          label: "The scales: the narrow middle way",
          outcome: "The scales glow soft gold and settle level. Your party breathes as one.",
        },
      ],
    },
    choices: [
      {
        id: "descend-ladders",
        label: "Climb down the old ladders",
        outcome: "Rungs creak and one gives way; your leader catches the next one the hard way.",
        hp: [{ target: "leader", delta: -2 }],
      },
      {
        id: "sigil-march",
        label: "March in step down the main shaft",
        outcome: "Boots ring in time, and the hammer's light holds every loose stone still.",
        requires: { symbol: "order" },
      },
      {
        id: "blast-rubble",
        label: "Blast straight through with blackpowder",
        outcome:
          "The boom shakes dust from the whole mountain and opens a raw tunnel straight to the deep halls. Your ears ring for an hour.",
        hp: [{ target: "party", delta: -3 }],
        requires: { symbol: "chaos" },
        next: 8,
      },
      {
        id: "scales-path",
        label: "Follow the scales' glow down a side tunnel",
        outcome: "The gold light picks a dry, quiet path where the mountain seems to hold its breath.",
        requires: { symbol: "balance" },
      },
    ],
  },
  {
    index: 7,
    key: "scene7",
    title: "Black Water",
    location: "Flooded Gallery",
    time_of_day: "night",
    weather: "fog",
    narration:
      "Black water fills the gallery to the waist, steaming where it meets the shard-warmed rock. Drowned ore carts lie in it like sleeping beasts, and a narrow ledge runs along the far wall.",
    choices: [
      {
        id: "wade-across",
        label: "Wade through the black water",
        outcome: "Warm at first, then bitterly cold. Something brushes your legs and decides against you.",
        hp: [{ target: "party", delta: -3 }],
      },
      {
        id: "rogue-ledge",
        label: "Let the Rogue find footholds on the ledge",
        outcome: "The Rogue chalks every hold, and your party crosses dry and only slightly terrified.",
        requires: { heroClass: "Rogue" },
      },
      {
        id: "search-carts",
        label: "Search the drowned carts for supplies",
        outcome: "Among the wreckage: a sealed tin of miners' salve and hard biscuit. Your party eats and patches up.",
        hp: [{ target: "party", delta: 4 }],
      },
    ],
  },
  {
    index: 8,
    key: "scene8",
    title: "The Ember Warden",
    location: "Warden's Hall",
    time_of_day: "night",
    weather: "embers",
    narration:
      "In a hall of cold forges stands the Ember Warden, a knight of the old mine-guard fused into armour that glows like a coal. The shard's light beats in its chest. \"None pass,\" it grinds, raising a hammer the size of a door.",
    choices: [
      {
        id: "fight",
        label: "Fight the Ember Warden",
        outcome:
          "Steel rings on red-hot iron until the Warden crashes down in a storm of sparks. Your party stands in the smoke, burned and bleeding.",
        hp: [{ target: "party", delta: -12 }],
      },
      {
        id: "parley",
        label: "Parley with the Warden",
        outcome:
          "You speak of the town below and the oath it once swore. The Warden sears your leader's palm in a grudging handshake, then steps aside.",
        hp: [{ target: "leader", delta: -4 }],
      },
      {
        id: "flee",
        label: "Flee through the side tunnels",
        outcome: "You run. Sparks and a thrown hammer chase your party through the dark until the tunnels swallow you.",
        hp: [{ target: "party", delta: -5 }],
      },
    ],
  },
  {
    index: 9,
    key: "scene9",
    title: "The Singing Dark",
    location: "Crystal Caverns",
    time_of_day: "night",
    weather: "clear",
    narration:
      "Crystals as tall as chapel pillars ring softly as you pass, each note answered by another deeper in. The shard is close now: its light is in every facet, and the air tastes of lightning.",
    choices: [
      {
        id: "cleric-blessing",
        label: "Let the Cleric bless the party",
        outcome: "The crystals catch the blessing and sing it back tenfold. Wounds knit and hearts steady.",
        hp: [{ target: "party", delta: 8 }],
        requires: { heroClass: "Cleric" },
      },
      {
        id: "bard-harmony",
        label: "Let the Bard sing along with the crystals",
        outcome: "The Bard finds the chord, the caverns hum in tune, and your weariness melts away.",
        hp: [{ target: "party", delta: 5 }],
        requires: { heroClass: "Bard" },
      },
      {
        id: "tiptoe-through",
        label: "Tiptoe between the crystals",
        outcome: "One careless elbow and a crystal shrieks. Splinters spray like hail.",
        hp: [{ target: "party", delta: -2 }],
      },
      {
        id: "smash-crystals",
        label: "Smash a straight path through",
        outcome: "The caverns scream, and razor shards fly in every direction.",
        hp: [{ target: "party", delta: -5 }],
      },
    ],
  },
  {
    index: 10,
    key: "scene10",
    title: "The Star-Iron Door",
    location: "Rune Gate",
    time_of_day: "dawn",
    weather: "embers",
    narration:
      "A great round door of star-iron bars the last stair, its runes crawling like embers under ash. Through the keyhole, dawn light spills from a chamber at the mountain's very peak.",
    choices: [
      {
        id: "read-runes",
        label: "Let the Wizard read the runes aloud",
        outcome: "The old words rearrange the runes into a single one meaning \"welcome\", and the door rolls aside.",
        requires: { heroClass: "Wizard" },
      },
      {
        id: "pick-gate-lock",
        label: "Let the Rogue work the keyhole",
        outcome: "Star-iron tumblers fight back with sparks, but the Rogue wins, singed and smug.",
        hp: [{ target: "Rogue", delta: -3 }],
        requires: { heroClass: "Rogue" },
      },
      {
        id: "force-gate",
        label: "Force the door with brute strength",
        outcome: "The door budges, and the runes bite back with a crack of white fire.",
        hp: [{ target: "party", delta: -4 }],
      },
    ],
  },
  {
    index: 11,
    key: "scene11",
    title: "Heart of the Shard",
    location: "Rune Chamber",
    time_of_day: "dawn",
    weather: "storm",
    narration:
      "The peak lies open to a storm-torn dawn. Above a ring of runes floats the shard, a splinter of a broken star too bright to look at and too beautiful not to. Its voice is in your party's heads, offering everything.",
    choices: [
      {
        id: "seal-shard",
        label: "Seal the shard back into the runes",
        outcome: "Your party speaks the binding together, and the runes close around the shard like a fist.",
      },
      {
        id: "claim-shard",
        label: "Claim the shard's power",
        outcome: "Your party's hands close on the shard. Its light floods into you, and it does not stop.",
      },
      {
        id: "share-light",
        label: "Split the light between sky and town",
        outcome: "With the patience of the scales, you halve the shard: one part for the sky, one for Emberpeak.",
        requires: { symbol: "balance" },
      },
    ],
  },
];

export const ENDING_IDS = ["warden-rest", "stone-seal", "twin-flame", "new-warden", "crown-of-cinders"] as const;
export type EndingId = (typeof ENDING_IDS)[number];

export const ENDINGS: Readonly<Record<EndingId, Ending>> = {
  "warden-rest": {
    id: "warden-rest",
    title: "The Warden's Rest",
    tone: "victory",
    text: "The Ember Warden climbs the last stair to kneel beside you as the seal closes. Its armour cools to plain iron; its oath is kept at last. Emberpeak wakes to a quiet mountain and a new song about your party.",
  },
  "stone-seal": {
    id: "stone-seal",
    title: "A Seal in Stone",
    tone: "bittersweet",
    text: "The runes lock and the shard sleeps. But the Warden's broken oath still haunts the deep halls, and Emberpeak bricks up its mine for good. The town is safe; the mountain is no longer theirs.",
  },
  "twin-flame": {
    id: "twin-flame",
    title: "The Twin Flame",
    tone: "victory",
    text: "Half the shard rises to mend the sky, a new star over Emberpeak. The other half burns in a lantern above the Cracked Tankard's door, warming every traveller who comes in from the snow.",
  },
  "new-warden": {
    id: "new-warden",
    title: "The New Wardens",
    tone: "bittersweet",
    text: "The shard bows to your oath and settles into your keeping. The mountain is safe because you will never leave it: Emberpeak gains an order of Ember Wardens, and loses the friends who became them.",
  },
  "crown-of-cinders": {
    id: "crown-of-cinders",
    title: "Crown of Cinders",
    tone: "dark",
    text: "The light pours in until there is no room left for you. A new star now burns on the peak, wearing your party's faces, and Emberpeak learns to bar its gates at night for a very different reason.",
  },
};

/** The choices a party of Fighter, Wizard, Rogue and Cleric can make to reach "warden-rest" unharmed. */
export const SAFE_PATH: { symbol: SymbolChoice; choices: Readonly<Record<SceneKey, string>> } = {
  symbol: "balance",
  choices: {
    scene1: "take-map",
    scene2: "pick-lock",
    scene3: "keep-trail",
    scene4: "pay-troll",
    scene5: "cleric-prayer",
    scene6: "scales-path",
    scene7: "rogue-ledge",
    scene8: "parley",
    scene9: "cleric-blessing",
    scene10: "read-runes",
    scene11: "seal-shard",
  },
};

/**
 * The ending a final choice earns, coloured by the sigil and by how the party met the Warden.
 * Null while scene 11 is undecided (or holds an id this story doesn't know).
 */
export function endingIdFor(symbol: SymbolChoice | null, choices: ChoiceLog): EndingId | null {
  switch (choices.scene11) {
    case "share-light":
      return "twin-flame";
    case "seal-shard":
      return choices.scene8 === "parley" ? "warden-rest" : "stone-seal";
    case "claim-shard":
      return symbol === "order" ? "new-warden" : "crown-of-cinders";
    default:
      return null;
  }
}
