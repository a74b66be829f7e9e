import { useApp } from "../../store/context";
import { AboutSection } from "./AboutSection";
import { AccessTokenForm } from "./AccessTokenForm";
import { SettingsForm } from "./SettingsForm";

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  return (
    <section className="panel-content" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settings ? <SettingsForm settings={settings} /> : <p className="muted">Loading settings…</p>}
      <AccessTokenForm />
      <AboutSection />
    </section>
  );
}
