"""Scripted careless crews, one per shipped scenario: each makes specific, named mistakes.

``record.py`` plays them (and the careful crew) and writes the logs beside this file; the
tests replay those logs and assert which rules they break. The mistakes are chosen from
MISTAKES.md so that every one is traceable to a regulation.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core import desk
from simulator.core.actions import (
    Action,
    AdvanceClock,
    InformPps,
    InformPtps,
    RecordSpecialEvent,
)
from simulator.core.careful import CarefulCrew
from simulator.core.phases import formulir, pembukaan, pemungutan, penghitungan, penutupan
from simulator.core.phases import penyerahan as ph
from simulator.schema.ballot import Ballot
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import NoticeReason
from simulator.schema.types import BallotType, VoterList

ALL_PEMILU = [
    BallotType.PPWP,
    BallotType.DPR,
    BallotType.DPD,
    BallotType.DPRD_PROV,
    BallotType.DPRD_KABKO,
]


class DeskCarelessCrew(CarefulCrew):
    """meja-pemilih-jebakan: a busy morning handled badly."""

    def next_voter(self) -> str:
        queue = self.world.queue
        if "v02" in queue:  # the elderly v03 waits behind v02 (M24)
            return "v02"
        return queue[0]

    def response(self, kind: str) -> str:
        return {"mobilisasi": "biarkan", "usul_tandai_surat_suara": "setujui"}[kind]  # M27, M26

    def serve(self, voter_id: str) -> Iterator[Action]:
        script = {
            "v01": self.stamped,
            "v04": self.admit_unchecked,
            "v05": self.admit_impersonator,
            "v06": self.substitute_unrecorded,
            "v07": self.helper_unsigned,
            "v08": self.dptb_all_types,
            "v09": self.phone_ignored,
            "v10": self.nonresident_later,
            "v12": self.dpk_too_early,
            "v13": self.second_replacement,
            "v15": self.dptb_refused,
            "v20": self.queue_cut,
        }.get(voter_id)
        if script is None:
            yield from super().serve(voter_id)
            return
        yield pemungutan.CallVoter(voter=voter_id)
        yield from script(voter_id)

    def voting(self) -> Iterator[Action]:
        yield AdvanceClock(to="07:05")  # let the first voters queue up before serving anyone
        yield from super().voting()
        # After the close, a latecomer at 13:10 is let in (M29).
        yield AdvanceClock(to="13:10")
        yield pemungutan.CallVoter(voter="v21")
        yield from self.full_admission("v21", VoterList.DPT, ALL_PEMILU, check=True)

    def full_admission(
        self, voter: str, voter_list: VoterList, ballots: list[BallotType], *, check: bool
    ) -> Iterator[Action]:
        if check:
            yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.AdmitVoter(voter=voter, list=voter_list)
        yield pemungutan.IssueBallots(voter=voter, ballots=ballots)
        yield pemungutan.ApplyInk(voter=voter)

    def stamped(self, voter: str) -> Iterator[Action]:  # M22
        yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.AdmitVoter(voter=voter, list=VoterList.DPT)
        yield pemungutan.IssueBallots(voter=voter, ballots=ALL_PEMILU, signature="stempel")
        yield pemungutan.ApplyInk(voter=voter)

    def admit_unchecked(self, voter: str) -> Iterator[Action]:  # M12
        yield from self.full_admission(voter, VoterList.DPT, ALL_PEMILU, check=False)

    def admit_impersonator(self, voter: str) -> Iterator[Action]:  # M19
        yield from self.full_admission(voter, VoterList.DPT, ALL_PEMILU, check=True)

    def substitute_unrecorded(self, voter: str) -> Iterator[Action]:  # M20
        yield from self.full_admission(voter, VoterList.DPT, ALL_PEMILU, check=True)

    def helper_unsigned(self, voter: str) -> Iterator[Action]:  # M23
        yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.AdmitVoter(voter=voter, list=VoterList.DPT)
        yield pemungutan.AllowAssistance(voter=voter)
        yield pemungutan.IssueBallots(voter=voter, ballots=ALL_PEMILU)
        yield pemungutan.ApplyInk(voter=voter)

    def dptb_all_types(self, voter: str) -> Iterator[Action]:  # M15
        yield from self.full_admission(voter, VoterList.DPTB, ALL_PEMILU, check=True)

    def phone_ignored(self, voter: str) -> Iterator[Action]:  # M25
        yield from self.full_admission(voter, VoterList.DPT, ALL_PEMILU, check=True)

    def nonresident_later(self, voter: str) -> Iterator[Action]:  # M13, served at 12:00 as DPK
        if self.world.clock < to_minutes("12:00"):
            yield pemungutan.CheckInk(voter=voter)
            yield pemungutan.AskComeBack(voter=voter)
            return
        yield from self.full_admission(voter, VoterList.DPK, ALL_PEMILU, check=True)

    def dpk_too_early(self, voter: str) -> Iterator[Action]:  # M17
        yield from self.full_admission(voter, VoterList.DPK, ALL_PEMILU, check=True)

    def second_replacement(self, voter: str) -> Iterator[Action]:  # M21
        yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.AdmitVoter(voter=voter, list=VoterList.DPT)
        yield pemungutan.IssueBallots(voter=voter, ballots=ALL_PEMILU)
        yield pemungutan.ReplaceBallot(voter=voter, ballot=BallotType.DPR)
        yield pemungutan.ReplaceBallot(voter=voter, ballot=BallotType.DPR)
        yield pemungutan.ApplyInk(voter=voter)

    def dptb_refused(self, voter: str) -> Iterator[Action]:  # M16
        yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.RefuseVoter(voter=voter, reason=desk.Reason.LUAR_DOMISILI)

    def queue_cut(self, voter: str) -> Iterator[Action]:  # M28
        yield from self.advance(to_minutes("13:00"))
        yield pemungutan.AnnounceClose()
        yield pemungutan.CheckInk(voter=voter)
        yield pemungutan.RefuseVoter(voter=voter, reason=desk.Reason.SUDAH_DITUTUP)


class PemiluCarelessCrew(CarefulCrew):
    """pemilu-hari-penuh: a whole day with one or two lapses in every phase."""

    def count_and_report(self) -> Iterator[Action]:
        # Counts, but reports only the DPD shortfall: the wrong-district DPRD Kab/Kota ballots
        # (M02) and the missing braille template (M03) go unreported.
        for ballot, stock in self.world.stocks.items():
            if not stock.counted:
                yield pembukaan.logistik.CountBallots(ballot=ballot)
        if "ballots.dpd.count" not in self.world.reported:
            yield pembukaan.logistik.ReportDiscrepancy(discrepancy="ballots.dpd.count")

    def opening(self) -> Iterator[Action]:
        for action in super().opening():
            if isinstance(action, pembukaan.PostNoticeBoard):
                continue  # M05: the DPT never goes up on the board
            if isinstance(action, pembukaan.OpenMeeting):
                yield from self.advance(7 * 60 + 40)  # M06: 07:40, past even the grace
                yield action
            elif isinstance(action, pembukaan.ShowBoxEmpty) and action.ballot is BallotType.DPD:
                continue  # M08: the DPD box opened and locked, never shown empty
            elif isinstance(action, pembukaan.ReturnNotice) and action.notice == "n02":
                yield pembukaan.ReturnNotice(
                    notice="n02", reason=NoticeReason.PINDAH_MEMILIH
                )  # M04: the voter moved house; the notice says they transferred
            elif isinstance(action, pembukaan.ExplainProcedure):
                continue  # M11
            else:
                yield action

    def receive_witness(self, witness_id: str) -> Iterator[Action]:
        yield pembukaan.AdmitWitness(witness=witness_id)  # w2 has no mandate (M09), w3 (M10)

    def closing(self) -> Iterator[Action]:
        for action in super().closing():
            if not isinstance(action, penutupan.CrossUnused):  # M31
                yield action

    def counting(self) -> Iterator[Action]:
        # DPR first, then the rest (M32).
        world = self.world
        order = [BallotType.DPR, *[b for b in world.boxes if b is not BallotType.DPR]]
        for ballot in order:
            yield penghitungan.OpenBoxForCount(ballot=ballot)
            yield penghitungan.AnnounceBoxCount(ballot=ballot)
            first = True
            while world.counting.open_box is ballot:
                current = penghitungan.current_ballot(world)
                assert current is not None
                yield penghitungan.RuleBallot(
                    verdict=self.ruling(current, ballot),
                    shown=not (first and ballot is BallotType.DPD),
                )  # the first DPD ballot is read out without being shown (M33)
                first = False

    def ruling(self, ballot: Ballot, ballot_type: BallotType) -> str:
        if any(mark.mirror for mark in ballot.marks):
            return "invalid"  # a punch-through ruled invalid (M35)
        if ballot_type is BallotType.DPR and len(ballot.marks) == 2:
            parties = {mark.party for mark in ballot.marks}
            if len(parties) == 1 and any(m.candidate for m in ballot.marks):
                return "invalid"  # party column + own candidate ruled invalid (M34)
        return super().ruling(ballot, ballot_type)

    def response(self, kind: str) -> str:
        return {"keberatan_angka": "timpa", "sirekap_salah_baca": "kirim"}.get(
            kind, super().response(kind)
        )  # M43, M47

    def forms(self) -> Iterator[Action]:
        world = self.world
        ppwp = formulir.expected(world, BallotType.PPWP)
        for action in super().forms():
            if isinstance(action, formulir.EnterFigure):
                action = self.miswrite(action, ppwp)
            yield action

    def miswrite(self, action: formulir.EnterFigure, ppwp: object) -> formulir.EnterFigure:
        assert isinstance(ppwp, formulir.forms.ResultForm)
        truth = formulir.expected(self.world, action.ballot)
        if action.ballot is BallotType.PPWP and action.field in ("II.2", "V.invalid"):
            other = "V.invalid" if action.field == "II.2" else "II.2"
            return action.model_copy(update={"value": truth.get(other)})  # M39
        if action.ballot is BallotType.DPR and action.field in ("I.B4.total", "II.4"):
            return action.model_copy(update={"value": ppwp.get(action.field)})  # M42
        return action

    def handover(self) -> Iterator[Action]:
        for action in super().handover():
            if isinstance(action, ph.MakeCopies) and action.ballot is BallotType.PPWP:
                yield action.model_copy(update={"place": "luar"})  # M45: copied outside
            elif isinstance(action, ph.GiveCopies) and action.recipient == "ptps":
                continue  # M45: no copy for the PTPS
            elif isinstance(action, ph.SealBox) and action.ballot is BallotType.DPRD_KABKO:
                continue  # M48
            elif action == ph.PutInBox(envelope="sampul_sisa.dpd", box=BallotType.DPD):
                # M48: the DPD's unused and damaged ballots packed into the DPR box
                yield ph.PutInBox(envelope="sampul_sisa.dpd", box=BallotType.DPR)
            else:
                yield action


class PilkadaCarelessCrew(CarefulCrew):
    """pilkada-hari-penuh: entitlement, timing and pressure mistakes."""

    def opening(self) -> Iterator[Action]:
        for action in super().opening():
            if isinstance(action, AdvanceClock) and action.to == "07:00":
                continue  # M07: the meeting opens as soon as the first witness is in, at 06:30
            yield action

    def serve(self, voter_id: str) -> Iterator[Action]:
        both = [BallotType.GUBERNUR, BallotType.BUPATI]
        if voter_id == "v01":  # DPTb from another regency given the Bupati ballot too (M15)
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPTB)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=both)
            yield pemungutan.ApplyInk(voter=voter_id)
        elif voter_id == "v02":  # a DPK voter served at 10:20 (M17)
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPK)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=both)
            yield pemungutan.ApplyInk(voter=voter_id)
        else:
            yield from super().serve(voter_id)

    def response(self, kind: str) -> str:
        return {
            "intimidasi": "biarkan",  # M27
            "anggota_merusak_surat_suara": "biarkan",  # M37
            "keberatan_saksi": "tolak",  # M44
        }.get(kind, super().response(kind))

    def closing(self) -> Iterator[Action]:
        for action in super().closing():
            if isinstance(action, penutupan.ArrangeCountingArea):
                yield penutupan.ArrangeCountingArea(public=False)  # M33
            else:
                yield action

    def handover(self) -> Iterator[Action]:
        for action in super().handover():
            if isinstance(action, ph.HandOver):
                yield AdvanceClock(to=format_minutes(to_minutes("13:00+1")))  # M48: next day
            yield action


class CalonTunggalCarelessCrew(CarefulCrew):
    """pilkada-calon-tunggal-hitung: the empty column treated as no vote at all."""

    def ruling(self, ballot: Ballot, ballot_type: BallotType) -> str:
        truth = super().ruling(ballot, ballot_type)
        if truth == "kosong":
            return "invalid"  # M36
        if ballot_type is BallotType.BUPATI and not ballot.signed:
            return "kosong"  # an unsigned ballot counted (G1)
        return truth

    def forms(self) -> Iterator[Action]:
        for action in super().forms():
            if (
                isinstance(action, formulir.EnterFigure)
                and action.ballot is BallotType.BUPATI
                and action.field in ("II.2", "V.invalid")
            ):
                truth = formulir.expected(self.world, action.ballot)
                other = "V.invalid" if action.field == "II.2" else "II.2"
                yield action.model_copy(update={"value": truth.get(other)})  # M39
            else:
                yield action


CARELESS_CREWS: dict[str, type[CarefulCrew]] = {
    "meja-pemilih-jebakan": DeskCarelessCrew,
    "pemilu-hari-penuh": PemiluCarelessCrew,
    "pilkada-hari-penuh": PilkadaCarelessCrew,
    "pilkada-calon-tunggal-hitung": CalonTunggalCarelessCrew,
}


class EthicsCarelessCrew(CarefulCrew):
    """etika-netralitas: every question of neutrality answered the easy way (M49-M53)."""

    def response(self, kind: str) -> str:
        return {
            "ajakan_unggahan_partisan": "unggah",  # M49
            "hubungan_keluarga": "diam",  # M52
            "atribut_anggota": "biarkan",  # M50
            "pemberian_peserta": "terima_makanan",  # M51: food is a gift too
            "pemilih_minta_saran": "beri_petunjuk",  # M53
        }[kind]


class VotingEmergencyCarelessCrew(CarefulCrew):
    """darurat-pemungutan: the flood, the shortage, the patients and the fight mishandled
    (M54, M56, M58, M57)."""

    def response(self, kind: str) -> str:
        return {
            "banjir": "tunggu_di_air",
            "surat_suara_kurang": "suruh_pulang",
            "pasien_rumah_sakit": "satu_anggota",
            "kerusuhan": "umumkan_psl",
        }[kind]

    def respond_to_events(self) -> None:
        super().respond_to_events()
        # Having announced a PSL himself, the chair still phones the PPS about the fight: the
        # KPU Kab/Kota's real decision comes through it, and the day goes on as a continued vote.
        for event in self.world.events:
            if event.kind == "kerusuhan" and event.response == "umumkan_psl":
                subject = f"event.{event.index}"
                if subject not in self.world.reported:
                    self.sim.apply(InformPps(subject=subject))


class CountingEmergencyCarelessCrew(CarefulCrew):
    """darurat-penghitungan: counting in the dark, a vote moved to turn Sirekap green, a day
    that does not reconcile signed without a record, the boxes kept overnight for a signal
    (M55, M60, M38, M59)."""

    def forms(self) -> Iterator[Action]:
        for action in super().forms():
            # M38: the PPWP figures that will not agree are signed, never written up nor told
            if isinstance(action, RecordSpecialEvent | InformPtps):
                continue
            yield action

    def response(self, kind: str) -> str:
        return {
            "listrik_padam": "lanjut_gelap",
            "sirekap_merah": "pindahkan_suara",
            "sirekap_gagal": "tunggu_sinyal",
        }[kind]


class CrimeCarelessCrew(CarefulCrew):
    """pidana-sekitar-tps: the man with the envelopes chased, the leftovers punched, the tally
    moved between candidates (M61, M62, M63)."""

    def response(self, kind: str) -> str:
        return {
            "politik_uang": "kejar",
            "usul_coblos_sisa": "setujui",
            "pencatat_pindah_suara": "biarkan_total_sama",
        }[kind]


CARELESS_CREWS.update({
    "etika-netralitas": EthicsCarelessCrew,
    "darurat-pemungutan": VotingEmergencyCarelessCrew,
    "darurat-penghitungan": CountingEmergencyCarelessCrew,
    "pidana-sekitar-tps": CrimeCarelessCrew,
})

# The rules each careless crew is scripted to break, and only those (tests/test_playthroughs.py).
EXPECTED: dict[str, set[str]] = {
    "meja-pemilih-jebakan": {
        "pemungutan.prioritas_diabaikan",  # M24: v02 called while the elderly v03 waits
        "pemungutan.surat_suara_tidak_ditandatangani",  # M22: v01's ballots stamped
        "pemungutan.pemilih_bertinta_dilayani",  # M12: v04 inked, fingers never checked
        "pemungutan.joki_dilayani",  # M19: v05 with his father's notice
        "pemungutan.pendamping_tanpa_formulir",  # M23: v07's helper signs nothing
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15: v08 entitled to PPWP only
        "pemungutan.hp_tidak_diingatkan",  # M25: v09 takes a phone to the booth
        "pemungutan.alasan_penolakan_keliru",  # v10 told to come back instead of refused
        "pemungutan.bukan_penduduk_dilayani",  # M13: v10 served at 12:00 as DPK
        "pemungutan.dpk_sebelum_1200",  # M17: v12 served at 09:45
        "pemungutan.penggantian_kedua_diberikan",  # M21: v13's second DPR replacement
        "pemungutan.mobilisasi_dibiarkan",  # M27
        "pemungutan.dptb_ditolak",  # M16: v15 with a valid Model A turned away
        "pemungutan.pemilih_diminta_menandai",  # M26: the colleague's proposal approved
        "pemungutan.antrean_dipotong",  # M28: v20 queued at 12:58, sent home
        "pemungutan.dilayani_setelah_1300",  # M29: v21 arrived 13:10, let in
        "pemungutan.identitas_pengganti_tidak_dicatat",  # M20: v06's phone photo unrecorded
    },
    "pemilu-hari-penuh": {
        "pembukaan.papan_pengumuman_tidak_dipasang",  # M05: the board never went up
        "pembukaan.dibuka_terlambat",  # M06: opened at 07:40 with nobody absent
        "pembukaan.kotak_tidak_ditunjukkan_kosong",  # M08: the DPD box never shown empty
        "logistik.dapil_tertukar_tidak_dilaporkan",  # M02
        "logistik.braille_tidak_dilaporkan",  # M03
        "pembukaan.alasan_pemberitahuan_keliru",  # M04
        "pembukaan.saksi_tanpa_mandat_diterima",  # M09
        "pembukaan.atribut_saksi_dibiarkan",  # M10
        "pembukaan.tata_cara_tidak_dijelaskan",  # M11
        "penutupan.sisa_surat_suara_tidak_disilang",  # M31
        "penghitungan.urutan_salah",  # M32
        "penghitungan.surat_suara_tidak_ditunjukkan",  # M33
        "penghitungan.partai_caleg_keliru",  # M34
        "penghitungan.coblos_tembus_keliru",  # M35
        "formulir.rusak_dan_tidak_sah_tertukar",  # M39
        "formulir.pengguna_disalin_antarjenis",  # M42
        "formulir.koreksi_ditimpa",  # M43
        "penyerahan.formulir_dibawa_keluar",  # M45
        "penyerahan.salinan_tidak_diberikan",  # M45
        "penyerahan.sirekap_tidak_diperiksa",  # M47
        "penyerahan.kotak_tidak_disegel",  # M48
        "penyerahan.surat_suara_salah_kotak",  # M48: DPD leftovers in the DPR box
    },
    "pilkada-hari-penuh": {
        "pembukaan.dibuka_sebelum_0700",  # M07: opened at 06:30
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15
        "pemungutan.dpk_sebelum_1200",  # M17
        "pemungutan.intimidasi_dibiarkan",  # M27
        "penutupan.tempat_hitung_tidak_terbuka",  # M33
        "penghitungan.surat_suara_dirusak",  # M37
        "penghitungan.keberatan_tidak_ditangani",  # M44
        "penyerahan.tidak_diserahkan_hari_itu",  # M48: handed over late
    },
    "pilkada-calon-tunggal-hitung": {
        "penghitungan.kolom_kosong_tidak_sah",  # M36
        "penghitungan.tanpa_tanda_tangan_dihitung",  # G1 / M22
        "formulir.rusak_dan_tidak_sah_tertukar",  # M39
    },
    "etika-netralitas": {
        "logistik.unggahan_partisan",  # M49: the clip posted
        "pembukaan.hubungan_keluarga_tidak_diungkap",  # M52: the brother kept quiet
        "pembukaan.atribut_peserta_dipakai_anggota",  # M50: the shirt kept on
        "pemungutan.pemberian_peserta_diterima",  # M51: "only the food"
        "pemungutan.pemilih_diarahkan",  # M53: a pair named to the elderly voter
    },
    "darurat-pemungutan": {
        "pembukaan.tps_banjir_salah_ditangani",  # M54: waited in the water
        "pemungutan.kekurangan_surat_suara_diakali",  # M56: voters sent home
        "pemungutan.surat_suara_tidak_lengkap",  # ...so the later voters got no DPD ballot
        "pemungutan.pasien_dilayani_tanpa_pengawas",  # M58: one member alone
        "pemungutan.kpps_memutuskan_psl_sendiri",  # M57: "again on Saturday"
    },
    "darurat-penghitungan": {
        "penghitungan.hitung_dalam_gelap",  # M55
        "formulir.angka_diubah_demi_sirekap",  # M60
        "formulir.selisih_tidak_dicatat",  # M38: 19 PPWP ballots for 18 voters, signed unrecorded
        "penyerahan.penyerahan_tertahan_sirekap",  # M59
    },
    "pidana-sekitar-tps": {
        "pemungutan.pembeli_suara_dikejar",  # M61: KPPS 7 chased the man
        "penutupan.sisa_surat_suara_dicoblos",  # M62
        "penghitungan.suara_dipindah_antar_calon",  # M63
    },
}
