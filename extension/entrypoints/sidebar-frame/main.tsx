import { runSidebarFrame } from "../../sidebar/frame-controller.tsx";
import "../../sidebar/sidebar.css";
import "../../sidebar/capture.css";
import "./frame.css";

runSidebarFrame(document.getElementById("app")!);
