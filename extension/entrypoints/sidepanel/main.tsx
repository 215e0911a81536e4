import { runSidePanel } from "../../sidebar/panel-controller.tsx";
import "../../sidebar/sidebar.css";
import "../../sidebar/capture.css";
import "./panel.css";

void runSidePanel(document.getElementById("app")!);
