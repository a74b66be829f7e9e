import { useState } from "react";
import { Tabs, type TabSpec } from "../../components/Tabs";
import { SpeakTab } from "./SpeakTab";
import { TranscribeTab } from "./TranscribeTab";

type SpeechTab = "transcribe" | "speak";

const TABS: readonly TabSpec<SpeechTab>[] = [
  { id: "transcribe", label: "Transcribe" },
  { id: "speak", label: "Speak" },
];

/** Speech studio: Transcribe (clips, waveform, Whisper, editable transcript) and Speak (Piper and Kokoro voices). */
export function SpeechPanel() {
  const [tab, setTab] = useState<SpeechTab>("transcribe");
  return (
    <section className="panel-content speech-panel" aria-labelledby="speech-title">
      <h1 id="speech-title">Speech</h1>
      <Tabs<SpeechTab> label="Speech tools" tabs={TABS} selected={tab} onSelect={setTab} renderPanel={(id) => (id === "transcribe" ? <TranscribeTab /> : <SpeakTab />)} />
    </section>
  );
}
