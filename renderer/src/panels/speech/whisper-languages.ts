import type { ModelInfo } from "../../../../shared/models";

/** The 99 languages of Whisper tiny, base and small (ISO 639-1 where one exists, as Whisper's tokenizer names them). */
const WHISPER_LANGUAGES: Readonly<Record<string, string>> = {
  af: "Afrikaans", am: "Amharic", ar: "Arabic", as: "Assamese", az: "Azerbaijani", ba: "Bashkir", be: "Belarusian",
  bg: "Bulgarian", bn: "Bengali", bo: "Tibetan", br: "Breton", bs: "Bosnian", ca: "Catalan", cs: "Czech", cy: "Welsh",
  da: "Danish", de: "German", el: "Greek", en: "English", es: "Spanish", et: "Estonian", eu: "Basque", fa: "Persian",
  fi: "Finnish", fo: "Faroese", fr: "French", gl: "Galician", gu: "Gujarati", ha: "Hausa", haw: "Hawaiian", he: "Hebrew",
  hi: "Hindi", hr: "Croatian", ht: "Haitian Creole", hu: "Hungarian", hy: "Armenian", id: "Indonesian", is: "Icelandic",
  it: "Italian", ja: "Japanese", jw: "Javanese", ka: "Georgian", kk: "Kazakh", km: "Khmer", kn: "Kannada", ko: "Korean",
  la: "Latin", lb: "Luxembourgish", ln: "Lingala", lo: "Lao", lt: "Lithuanian", lv: "Latvian", mg: "Malagasy", mi: "Maori",
  mk: "Macedonian", ml: "Malayalam", mn: "Mongolian", mr: "Marathi", ms: "Malay", mt: "Maltese", my: "Burmese", ne: "Nepali",
  nl: "Dutch", nn: "Norwegian Nynorsk", no: "Norwegian", oc: "Occitan", pa: "Punjabi", pl: "Polish", ps: "Pashto",
  pt: "Portuguese", ro: "Romanian", ru: "Russian", sa: "Sanskrit", sd: "Sindhi", si: "Sinhala", sk: "Slovak", sl: "Slovenian",
  sn: "Shona", so: "Somali", sq: "Albanian", sr: "Serbian", su: "Sundanese", sv: "Swedish", sw: "Swahili", ta: "Tamil",
  te: "Telugu", tg: "Tajik", th: "Thai", tk: "Turkmen", tl: "Tagalog", tr: "Turkish", tt: "Tatar", uk: "Ukrainian",
  ur: "Urdu", uz: "Uzbek", vi: "Vietnamese", yi: "Yiddish", yo: "Yoruba", zh: "Chinese",
};

export interface LanguageChoice {
  code: string;
  name: string;
}

/** Whisper's languages sorted by name, for the Language select. */
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = Object.entries(WHISPER_LANGUAGES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

/** "de" → "German"; an unknown code is shown as itself. */
export function languageName(code: string): string {
  return WHISPER_LANGUAGES[code] ?? code;
}

/**
 * Whisper's English-only checkpoints are published as `*.en` (whisper-tiny.en); the
 * catalog names them "(English)". Those models cannot detect, choose or translate languages.
 */
export function isEnglishOnlyModel(model: Pick<ModelInfo, "id" | "name" | "source">): boolean {
  const endsInEn = (text: string) => /[.\-_]en$/i.test(text);
  return endsInEn(model.id) || (model.source ? endsInEn(model.source.repo) : false) || /\(english(?: only)?\)|english-only/i.test(model.name);
}
