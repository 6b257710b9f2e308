package io.clientele.processes;

import java.nio.charset.StandardCharsets;

/** Small route map files for tests, drawn so that bpmn-js can show them. */
final class RouteMapFiles {

	private RouteMapFiles() {
	}

	/** Start, two actions one after the other, end. */
	static byte[] twoActions(String key, String name, String first, String second) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
				             xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				             xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
				             id="d" targetNamespace="https://clientele.io/test">
				  <process id="%1$s" name="%2$s" isExecutable="true">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
				    <userTask id="first" name="%3$s"/>
				    <sequenceFlow id="f2" sourceRef="first" targetRef="second"/>
				    <userTask id="second" name="%4$s"/>
				    <sequenceFlow id="f3" sourceRef="second" targetRef="end"/>
				    <endEvent id="end"/>
				  </process>
				  <bpmndi:BPMNDiagram id="diagram">
				    <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="122" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="first_di" bpmnElement="first"><dc:Bounds x="190" y="100" width="100" height="80"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="second_di" bpmnElement="second"><dc:Bounds x="340" y="100" width="100" height="80"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="490" y="122" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="140"/><di:waypoint x="190" y="140"/></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="140"/><di:waypoint x="340" y="140"/></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="440" y="140"/><di:waypoint x="490" y="140"/></bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</definitions>
				"""
			.formatted(key, name, first, second)
			.getBytes(StandardCharsets.UTF_8);
	}

}
