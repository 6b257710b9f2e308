package io.clientele.clients.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientService;
import io.clientele.clients.LegalEntities;
import io.clientele.clients.LegalEntity;
import io.clientele.clients.LegalEntityDraft;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Further legal entities of a client group.
 */
@Controller
@RequestMapping("/clients/{clientId}/legal-entities")
class LegalEntityPages {

	private final LegalEntities entities;

	private final ClientService clients;

	LegalEntityPages(LegalEntities entities, ClientService clients) {
		this.entities = entities;
		this.clients = clients;
	}

	public static class LegalEntityForm {

		private long version;

		private @Nullable String name;

		private @Nullable String inn;

		private @Nullable String kpp;

		private @Nullable String ogrn;

		private @Nullable String address;

		private List<ClientForm.AccountRow> bankAccounts = new ArrayList<>(List.of(new ClientForm.AccountRow()));

		LegalEntityDraft toDraft() {
			return new LegalEntityDraft(name, inn, kpp, ogrn, address,
					bankAccounts.stream()
						.filter(row -> row.getAccount() != null && !row.getAccount().isBlank())
						.map(row -> new BankAccount(row.getBic(), row.getAccount(), row.getCorrespondentAccount(),
								row.getBank()))
						.toList());
		}

		static LegalEntityForm of(LegalEntity entity) {
			LegalEntityForm form = new LegalEntityForm();
			form.version = entity.version();
			form.name = entity.name();
			form.inn = entity.inn();
			form.kpp = entity.kpp();
			form.ogrn = entity.ogrn();
			form.address = entity.address();
			form.bankAccounts = new ArrayList<>();
			for (BankAccount account : entity.bankAccounts()) {
				var row = new ClientForm.AccountRow();
				row.setBic(account.bic());
				row.setAccount(account.account());
				row.setCorrespondentAccount(account.correspondentAccount());
				row.setBank(account.bank());
				form.bankAccounts.add(row);
			}
			if (form.bankAccounts.isEmpty()) {
				form.bankAccounts.add(new ClientForm.AccountRow());
			}
			return form;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getInn() {
			return inn;
		}

		public void setInn(@Nullable String inn) {
			this.inn = inn;
		}

		public @Nullable String getKpp() {
			return kpp;
		}

		public void setKpp(@Nullable String kpp) {
			this.kpp = kpp;
		}

		public @Nullable String getOgrn() {
			return ogrn;
		}

		public void setOgrn(@Nullable String ogrn) {
			this.ogrn = ogrn;
		}

		public @Nullable String getAddress() {
			return address;
		}

		public void setAddress(@Nullable String address) {
			this.address = address;
		}

		public List<ClientForm.AccountRow> getBankAccounts() {
			return bankAccounts;
		}

		public void setBankAccounts(List<ClientForm.AccountRow> bankAccounts) {
			this.bankAccounts = bankAccounts;
		}

	}

	@GetMapping("/new")
	String newEntity(@PathVariable long clientId, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", new LegalEntityForm());
		return page(model, clientId, null, user);
	}

	@PostMapping
	String add(@PathVariable long clientId, @ModelAttribute("form") LegalEntityForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		try {
			entities.add(clientId, form.toDraft(), user);
			redirect.addFlashAttribute("notice", "legal-entity.saved");
			return "redirect:/clients/" + clientId;
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
			return page(model, clientId, null, user);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long clientId, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		LegalEntity entity = entities.get(clientId, id, user);
		model.addAttribute("form", LegalEntityForm.of(entity));
		return page(model, clientId, entity, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long clientId, @PathVariable long id, @ModelAttribute("form") LegalEntityForm form,
			BindingResult errors, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		try {
			entities.update(clientId, id, form.toDraft(), form.getVersion(), user);
			redirect.addFlashAttribute("notice", "legal-entity.saved");
			return "redirect:/clients/" + clientId;
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
		}
		catch (ConcurrentEdit edit) {
			Forms.reject(errors, edit);
		}
		return page(model, clientId, entities.get(clientId, id, user), user);
	}

	@PostMapping("/{id}/delete")
	String remove(@PathVariable long clientId, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		entities.remove(clientId, id, user);
		redirect.addFlashAttribute("notice", "legal-entity.removed");
		return "redirect:/clients/" + clientId;
	}

	private String page(Model model, long clientId, @Nullable LegalEntity entity, CurrentUser user) {
		model.addAttribute("client", clients.card(clientId, user));
		model.addAttribute("entity", entity);
		return "clients/legal-entity";
	}

}
