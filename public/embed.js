/*! TrailRoom storefront widget. Generated from storefront/embed.ts by scripts/build-embed.mjs: do not edit. */
"use strict";(()=>{var L="trailroom_vid";var M=`
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(17, 24, 39, 0.6); }
.panel {
  position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%);
  width: min(480px, calc(100vw - 32px)); height: min(760px, calc(100vh - 48px));
  background: #fff; color: #111827; border-radius: 16px; overflow: hidden;
  box-shadow: 0 24px 64px rgba(0, 0, 0, 0.35);
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
.close {
  position: absolute; top: 8px; right: 8px; z-index: 2; width: 44px; height: 44px;
  display: grid; place-items: center; border: 0; border-radius: 999px; cursor: pointer;
  background: rgba(255, 255, 255, 0.92); color: #111827; font: 600 24px/1 system-ui, sans-serif;
}
.close:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.close[hidden] { display: none; }
.status {
  position: absolute; inset: 0; z-index: 1; display: grid; place-items: center; padding: 24px;
  text-align: center; background: #fff; color: #374151;
}
.status[hidden] { display: none; }
.spinner {
  width: 32px; height: 32px; margin: 0 auto 12px; border-radius: 50%;
  border: 3px solid #e5e7eb; border-top-color: #111827; animation: spin 0.8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
.sentinel { position: absolute; width: 1px; height: 1px; overflow: hidden; }
@media (max-width: 640px) {
  .panel {
    top: 0; left: 0; transform: none; width: 100vw; height: 100vh; height: 100dvh;
    border-radius: 0;
  }
}
`,P=[["all","initial"],["display","block"],["position","fixed"],["inset","0"],["z-index","2147483647"],["width","100vw"],["height","100vh"],["margin","0"],["padding","0"],["border","0"],["opacity","1"],["visibility","visible"],["transform","none"],["filter","none"],["clip-path","none"],["pointer-events","auto"],["contain","none"]];function C(){let e=document.currentScript;return e instanceof HTMLScriptElement?e:document.querySelector('script[data-key][src*="embed.js"]')}function O(){let e=new Uint8Array(16);crypto.getRandomValues(e);let n="";for(let u of e)n+="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[u&63];return n}var h=null;function R(){try{let e=sessionStorage.getItem(L);if(e&&/^[A-Za-z0-9_-]{8,64}$/.test(e))return e;let n=O();return sessionStorage.setItem(L,n),n}catch{return h??(h=O()),h}}function s(e,n,u=[]){let c=document.createElement(e);for(let[i,l]of Object.entries(n))c.setAttribute(i,l);return c.append(...u),c}function j(e){try{let n=new CSSStyleSheet;n.replaceSync(M),e.adoptedStyleSheets=[n]}catch{e.append(s("style",{},[M]))}}function K(e){return typeof e=="object"&&e!==null&&typeof e.type=="string"&&e.type.startsWith("trailroom:")}function N(){let e=window;if(e.TrailRoom)return;let n=C();if(!n)return;let u=n.dataset.key??"",c=new URL(n.src,location.href).origin,i=null,l=null,g=null,y=0;function b(t){if(t.origin!==c||!l||t.source!==l.contentWindow||!K(t.data))return;let o=t.data;if(o.type==="trailroom:ready"){window.clearTimeout(y);let r=i?.shadowRoot,a=r?.querySelector(".status");a&&(a.hidden=!0);let d=r?.querySelector(".close");d&&(d.hidden=!0),r?.activeElement!==l&&l.focus()}else o.type==="trailroom:close"?p():o.type==="trailroom:completed"&&document.dispatchEvent(new CustomEvent("trailroom:completed",{detail:{jobId:o.job_id??null,sku:o.sku??null}}))}function H(t){t.key==="Escape"&&i&&(t.stopPropagation(),p())}function I(t){let o=document.activeElement;v(t,o instanceof HTMLElement&&o!==document.body?o:null)}function v(t,o){let r=String(t?.sku??"").trim();if(!r||i)return;g=o;let a=new URL("/embed/tryon",c);a.searchParams.set("key",u),a.searchParams.set("sku",r),a.searchParams.set("vid",R()),i=document.createElement("trailroom-dialog");for(let[T,A]of P)i.style.setProperty(T,A,"important");let d=i.attachShadow({mode:"open"});j(d);let w=s("span",{class:"sentinel",tabindex:"0"}),k=s("span",{class:"sentinel",tabindex:"0"}),m=s("button",{type:"button",class:"close","aria-label":"Close try-on"},["×"]),E=s("p",{},["Loading the try-on…"]),x=s("div",{class:"status",role:"status"},[s("div",{},[s("div",{class:"spinner","aria-hidden":"true"}),E])]),f=s("iframe",{title:"Virtual try-on",allow:"camera",referrerpolicy:"origin",src:a.href}),S=s("div",{class:"backdrop"});d.append(S,s("div",{class:"panel",role:"dialog","aria-modal":"true","aria-label":"Virtual try-on"},[w,m,x,f,k])),l=f,m.addEventListener("click",p),S.addEventListener("click",p),w.addEventListener("focus",()=>f.focus()),k.addEventListener("focus",()=>(m.hidden?f:m).focus()),i.addEventListener("keydown",H),window.addEventListener("message",b),y=window.setTimeout(()=>{x.querySelector(".spinner")?.remove(),E.textContent="Try-on is unavailable right now. Please try again later.",m.focus()},15e3),(document.body??document.documentElement).appendChild(i),f.focus()}function p(){if(!i)return;window.clearTimeout(y),window.removeEventListener("message",b),i.remove(),i=null,l=null;let t=g;g=null,t?.isConnected&&t.focus()}function _(t,o){let r=JSON.stringify({key:u,type:t,sku:String(o?.sku??""),vid:R()}),a=`${c}/api/widget/events`;return typeof navigator.sendBeacon=="function"?Promise.resolve(navigator.sendBeacon(a,r)):fetch(a,{method:"POST",body:r,keepalive:!0,mode:"cors",credentials:"omit",headers:{"content-type":"text/plain"}}).then(d=>d.ok,()=>!1)}document.addEventListener("click",t=>{let r=(t.target instanceof Element?t.target:null)?.closest("[data-trailroom-sku]");r&&(t.preventDefault(),v({sku:r.dataset.trailroomSku??""},r))}),e.TrailRoom={version:"1",open:I,close:p,track:_}}N();})();
