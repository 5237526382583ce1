/* The editors' form: Decap CMS reading and writing the site's own files (cchc.site.admin plans it).
 *
 * Decap's own YAML format would rewrite a whole file on every save and cannot show two things our files do: a
 * data file keyed by id (data/fields.yml: "ho-tich: {ten: ...}") and bilingual text written as a plain string
 * when it has no English yet. Each collection therefore has its own format here, built from the shapes the
 * build wrote (cchc-admin-shapes.js): keyed files are shown as a list whose items carry their id, a plain string
 * as the Vietnamese input of its text; on save both go back to the file's own form, with the schema line first.
 * Under `make edit` the local server then puts the edit into the file as it was, so a one-field edit changes that
 * field's lines only (cchc.content.roundtrip); on GitHub the same is done by the form's pull request check.
 */
(function () {
  "use strict";
  var CCHC = window.CCHC_ADMIN;
  var yaml = window.jsyaml;
  var ITEMS = "muc", ID = "id", SHAPE = "__shape";

  function each(value, steps, fn) {
    // Apply fn to every value at path `steps` ("trinh_tu[]", "cac_buoc[]", "ten"), replacing it.
    if (value === null || typeof value !== "object" || !steps.length) return;
    var step = steps[0], many = step.slice(-2) === "[]", key = many ? step.slice(0, -2) : step;
    if (!(key in value)) return;
    if (many) {
      if (!Array.isArray(value[key])) return;
      if (steps.length === 1) value[key] = value[key].map(fn);
      else value[key].forEach(function (item) { each(item, steps.slice(1), fn); });
    } else if (steps.length === 1) {
      value[key] = fn(value[key]);
    } else {
      each(value[key], steps.slice(1), fn);
    }
  }

  function paths(shape, fn, data) {
    shape.bilingual.forEach(function (path) { each(data, path.split("."), fn); });
  }

  function clean(value) {
    // Empty inputs are fields left out, as an editor writing the file by hand would leave them out.
    if (Array.isArray(value)) return value.map(clean);
    if (value === null || typeof value !== "object") return value;
    var out = {};
    Object.keys(value).forEach(function (key) {
      var v = clean(value[key]);
      if (v === "" || v === null || v === undefined) return;
      out[key] = v;
    });
    return out;
  }

  function toForm(shape, data) {
    if (shape.kind === "map") {
      data = data || {};
      data = (function (map) {
        var out = {}; out[ITEMS] = Object.keys(map).map(function (id) {
          var entry = {}; entry[ID] = id;
          Object.keys(map[id] || {}).forEach(function (k) { entry[k] = map[id][k]; });
          return entry;
        });
        return out;
      })(data);
    } else if (shape.kind === "list") {
      var wrapped = {}; wrapped[ITEMS] = data || []; data = wrapped;
    }
    paths(shape, function (v) { return typeof v === "string" ? { vi: v } : v; }, data);
    return data;
  }

  function fromForm(shape, data) {
    data = clean(JSON.parse(JSON.stringify(data || {})));
    paths(shape, function (v) {
      return v && typeof v === "object" && !Array.isArray(v) && !("en" in v) && typeof v.vi === "string" ? v.vi : v;
    }, data);
    if (shape.kind === "map") {
      var map = {};
      (data[ITEMS] || []).forEach(function (entry) {
        var id = entry[ID]; delete entry[ID]; map[id] = entry;
      });
      return map;
    }
    if (shape.kind === "list") return data[ITEMS] || [];
    return data;
  }

  function dump(data) {
    return yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: 110, noRefs: true, sortKeys: false });
  }

  function load(text) {
    // Aliases are refused by `make check`; the core schema keeps dates as the text the file holds.
    return yaml.load(text, { schema: yaml.CORE_SCHEMA }) || {};
  }

  function yamlFormat(shape) {
    return {
      fromFile: function (text) { return toForm(shape, load(text)); },
      toFile: function (data) {
        var body = dump(fromForm(shape, data));
        return shape.schema_line ? shape.schema_line + "\n" + body : body;
      },
    };
  }

  function storyFormat(shape) {
    return {
      fromFile: function (text) {
        var match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n?/g, "\n"));
        var data = toForm(shape, match ? load(match[1]) : {});
        data.body = match ? match[2].replace(/^\n+/, "") : text;
        if (!data.ngon_ngu) data.ngon_ngu = "vi";
        return data;
      },
      toFile: function (data) {
        var front = fromForm(shape, data), body = front.body || "";
        delete front.body;
        if (shape.lang === "vi") delete front.ngon_ngu; else front.ngon_ngu = shape.lang;
        return "---\n" + dump(front) + "---\n\n" + body.replace(/\s+$/, "") + "\n";
      },
    };
  }

  function dataFormat() {
    // Decap gives all data files one format: the schema line names the file's kind, a hidden field keeps it.
    return {
      fromFile: function (text) {
        var match = /schemas\/([a-z-]+)\.schema\.json/.exec(text.split("\n", 1)[0]);
        var shape = match && CCHC.shapes["data:" + match[1]];
        if (!shape) throw new Error("a data file without its schema line: " + text.split("\n", 1)[0]);
        var data = toForm(shape, load(text));
        data[SHAPE] = match[1];
        return data;
      },
      toFile: function (data) {
        var shape = CCHC.shapes["data:" + data[SHAPE]], copy = {};
        Object.keys(data).forEach(function (k) { if (k !== SHAPE) copy[k] = data[k]; });
        return yamlFormat(shape).toFile(copy);
      },
    };
  }

  Object.keys(CCHC.shapes).forEach(function (name) {
    var shape = CCHC.shapes[name];
    if (name.indexOf("data:") === 0) return;
    var ext = shape.kind === "story" ? (shape.lang === "vi" ? "md" : "en.md") : "yml";
    CMS.registerCustomFormat(name, ext, shape.kind === "story" ? storyFormat(shape) : yamlFormat(shape));
  });
  CMS.registerCustomFormat("cchc-data", "yml", dataFormat());
  CMS.registerPreviewStyle(CCHC.stylesheet);
  var config = { load_config_file: true };
  if (["localhost", "127.0.0.1"].indexOf(location.hostname) >= 0) {
    // `make edit`: the working copy, through the local server that serves this page (same origin).
    config.local_backend = { url: location.origin + "/api/v1" };
    config.site_url = config.display_url = location.origin;  // the working copy's site, served beside the form
  }
  CMS.init({ config: config });
})();
