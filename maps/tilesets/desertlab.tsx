<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="desertlab" tilewidth="32" tileheight="32" tilecount="64" columns="8">
 <image source="desertlab.png" width="256" height="256"/>
 <tile id="0">
  <properties>
   <property name="label" value="black sand"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="black sand ripples"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="sand tyre tracks vertical"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="sand tyre tracks horizontal"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="gravel"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="sand with pebbles"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="concrete floor"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="concrete floor cracked"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="concrete floor rust stain"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="concrete floor broken"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="grated floor"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="grated floor over pipes"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="steel plate floor"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="floor vent grate"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="catwalk horizontal"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="catwalk vertical"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="sand drift on concrete"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="corrugated metal wall"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="corrugated metal wall patched"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="corrugated wall vent"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="bunker wall"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="bunker wall vent"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="bunker wall with pipes"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="bunker wall corner"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="chain-link fence barbed"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="chain-link gate chained"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="rusted barrel"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="label" value="rusted barrels"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="label" value="pipes and valve"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="label" value="pipe horizontal"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="label" value="pipe vertical"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="label" value="steel shelving"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="label" value="work light"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="label" value="crate"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="label" value="crates on pallet"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="label" value="boulder"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="label" value="electrical panel"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="label" value="vent fan housing"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="label" value="generator left"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="label" value="generator right"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="label" value="rusty tank top-left"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="label" value="rusty tank top-right"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="label" value="rusty tank bottom-left"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="label" value="rusty tank bottom-right"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="label" value="RV top-left"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="label" value="RV top-right"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="label" value="RV upper-left"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="label" value="RV upper-right"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="label" value="RV lower-left"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="label" value="RV lower-right"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="label" value="RV bottom-left"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="label" value="RV bottom-right"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="label" value="scrub brush"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="label" value="small rocks"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="label" value="barrel on its side"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="label" value="old tyre"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="label" value="cable run"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="label" value="oil spill"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="label" value="scrap metal"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="label" value="tumbleweed"/>
  </properties>
 </tile>
</tileset>
