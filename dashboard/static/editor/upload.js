// Uploads: images to /assets (SPEC §12) and fonts to /fonts, each shown while it runs and refused with the API's
// message; and image files dropped on the canvas, which become image layers there.

import * as api from "../api.js";
import { h } from "../dom.js";

export async function uploadAsset(file) {
  const form = new FormData();
  form.append("file", file, file.name || "image");
  return api.postForm("/assets", form);
}

export async function uploadFont(file) {
  const form = new FormData();
  form.append("file", file, file.name || "font");
  return api.postForm("/fonts", form);
}

// A line that says what an upload is doing: "Uploading logo.png…", then nothing, or the API's refusal.
export function uploadStatus() {
  const el = h("p", { class: "upload-status", role: "status", "aria-live": "polite", hidden: true });
  let timer = null;
  const show = (text, kind) => {
    clearTimeout(timer);
    el.hidden = !text;
    el.textContent = text;
    el.className = `upload-status${kind ? ` upload-${kind}` : ""}`;
    el.setAttribute("role", kind === "error" ? "alert" : "status");
  };
  return {
    el,
    async run(file, upload) {
      show(`Uploading ${file.name || "the file"}…`, "busy");
      try {
        const result = await upload(file);
        show("");
        return result;
      } catch (exc) {
        show(`${file.name || "The file"} was not uploaded: ${exc.message}`, "error");
        timer = setTimeout(() => show(""), 15000);
        return null;
      }
    },
  };
}

// A button-looking <label> around a file input, so a click picks a file and tests/keyboards reach the input.
export function filePicker(text, accept, onFile, { label = text } = {}) {
  const input = h("input", { type: "file", accept, class: "visually-hidden", "aria-label": label });
  input.addEventListener("change", () => {
    const [file] = input.files;
    input.value = "";
    if (file) onFile(file);
  });
  return { el: h("label", { class: "button file-button" }, text, input), input };
}

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];

// Dropping image files on the canvas: each is uploaded and becomes a new image layer centred on the drop point,
// sized to the picture's aspect ratio (at most half the canvas). Drags that carry no files are left alone.
export function acceptDrops(region, ctx, status) {
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
  region.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    region.classList.add("drop-target");
  });
  region.addEventListener("dragleave", (event) => {
    if (!region.contains(event.relatedTarget)) region.classList.remove("drop-target");
  });
  region.addEventListener("drop", async (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    region.classList.remove("drop-target");
    const point = dropPoint(region, ctx.state, event);
    for (const file of event.dataTransfer.files) {
      if (file.type && !IMAGE_TYPES.includes(file.type) && !file.type.startsWith("image/")) {
        status.run(file, async () => { throw new Error("only PNG, JPEG, WebP or GIF images can be dropped here."); });
        continue;
      }
      const asset = await status.run(file, uploadAsset);
      if (!asset) continue;
      addImageLayer(ctx.state, asset, point, file.name);
      point.x += 20; point.y += 20;
    }
  });
}

// Where on the template (in template pixels) the pointer is: over the preview image when there is one, else the
// canvas's centre.
function dropPoint(region, state, event) {
  const { width, height } = state.canvas;
  const img = region.querySelector(".canvas-image") || region.querySelector("img");
  const box = img && img.getBoundingClientRect();
  if (!box || !box.width || !box.height) return { x: width / 2, y: height / 2 };
  const x = ((event.clientX - box.left) / box.width) * width;
  const y = ((event.clientY - box.top) / box.height) * height;
  return { x: Math.min(Math.max(x, 0), width), y: Math.min(Math.max(y, 0), height) };
}

export function addImageLayer(state, asset, point, filename = "image") {
  const { width, height } = state.canvas;
  const ratio = asset.width && asset.height ? asset.width / asset.height : 1;
  let w = Math.min(asset.width || width / 2, width / 2);
  let hgt = w / ratio;
  if (hgt > height / 2) { hgt = height / 2; w = hgt * ratio; }
  w = Math.max(1, Math.round(w)); hgt = Math.max(1, Math.round(hgt));
  const stem = (filename.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "")
    || "image").slice(0, 40);
  return state.addLayer("image", { name: stem, src: asset.url, fit: "cover",
    x: Math.round(point.x - w / 2), y: Math.round(point.y - hgt / 2), width: w, height: hgt });
}
