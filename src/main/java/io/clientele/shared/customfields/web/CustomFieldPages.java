package io.clientele.shared.customfields.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.shared.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator adds extra fields to clients and contact persons without a programmer.
 */
@Controller
@RequestMapping("/admin/custom-fields")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CustomFieldPages {

	static final Set<String> ENTITIES = Set.of("CLIENT", "CONTACT", "DEAL");

	private final CustomFields fields;

	CustomFieldPages(CustomFields fields) {
		this.fields = fields;
	}

	public static class FieldForm {

		private String label = "";

		private CustomFieldType type = CustomFieldType.TEXT;

		private boolean required;

		private boolean shownInList;

		private String options = "";

		private long version;

		CustomFields.Definition definition() {
			return new CustomFields.Definition(label, type, required,
					Arrays.stream(options.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList(),
					shownInList);
		}

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public CustomFieldType getType() {
			return type;
		}

		public void setType(CustomFieldType type) {
			this.type = type;
		}

		public boolean isRequired() {
			return required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

		public boolean isShownInList() {
			return shownInList;
		}

		public void setShownInList(boolean shownInList) {
			this.shownInList = shownInList;
		}

		public String getOptions() {
			return options;
		}

		public void setOptions(String options) {
			this.options = options;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	@GetMapping
	String list(@RequestParam(defaultValue = "CLIENT") String entity, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new FieldForm());
		}
		return page(entity, null, model);
	}

	@PostMapping
	String define(@RequestParam String entity, @ModelAttribute("form") FieldForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		checkEntity(entity);
		try {
			fields.define(entity, form.definition());
			redirect.addFlashAttribute("notice", "custom-field.created");
			return "redirect:/admin/custom-fields?entity=" + entity;
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
			return page(entity, null, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		CustomField field = fields.get(id);
		FieldForm form = new FieldForm();
		form.setLabel(field.label());
		form.setType(field.type());
		form.setRequired(field.required());
		form.setShownInList(field.shownInList());
		form.setOptions(String.join("\n", field.options().stream().map(CustomField.Option::label).toList()));
		form.setVersion(field.version());
		model.addAttribute("form", form);
		return page(field.entity(), field, model);
	}

	@PostMapping("/{id}")
	String redefine(@PathVariable long id, @ModelAttribute("form") FieldForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		CustomField field = fields.get(id);
		try {
			fields.redefine(id, form.definition(), form.getVersion());
			redirect.addFlashAttribute("notice", "custom-field.saved");
			return "redirect:/admin/custom-fields?entity=" + field.entity();
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
		}
		catch (ConcurrentEdit edit) {
			Forms.reject(errors, edit);
		}
		return page(field.entity(), field, model);
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		CustomField field = fields.get(id);
		fields.setActive(id, active);
		redirect.addFlashAttribute("notice", active ? "custom-field.activated" : "custom-field.deactivated");
		return "redirect:/admin/custom-fields?entity=" + field.entity();
	}

	private String page(String entity, @Nullable CustomField editing, Model model) {
		checkEntity(entity);
		model.addAttribute("entity", entity);
		model.addAttribute("entities", List.of("CLIENT", "CONTACT", "DEAL"));
		model.addAttribute("fields", fields.all(entity));
		model.addAttribute("types", CustomFieldType.values());
		model.addAttribute("editing", editing);
		return "admin/custom-fields";
	}

	private static void checkEntity(String entity) {
		if (!ENTITIES.contains(entity)) {
			throw new RecordNotFound("CustomFieldEntity", entity);
		}
	}

}
